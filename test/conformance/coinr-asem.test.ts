/**
 * Conformance with COINr (R): the ASEM example, pipeline A (min-max [0, 100] with directions,
 * arithmetic means with equal weights, missing values skipped and weights renormalised). dgmi
 * must reproduce COINr 1.1.14's Index, sub-indices, pillars and ranks to 1e-9.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions } from '../../src/load/submissions.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';

const dataDir = new URL('../../../shared/data/coinr-asem/', import.meta.url);
const rawFile = fileURLToPath(new URL('asem_iData_raw.csv', dataDir));
const hasData = existsSync(rawFile);
/** Set by .ci/run, where ../shared is present: there a missing data folder fails instead of skipping. */
const isSharedRequired = process.env['DGMI_REQUIRE_SHARED'] === '1';
const frameworkFile = fileURLToPath(new URL('../../indicators/coinr-asem.yaml', import.meta.url));

type CsvRecord = Record<string, string>;

/** COINr's exports (the expected results), read as plain records. */
function readCsv(name: string): CsvRecord[] {
  return parseCsv(readFileSync(new URL(name, dataDir), 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRecord[];
}

async function loadAsem(): Promise<ResolvedFramework> {
  const loaded = await loadFramework(frameworkFile);
  expect(loaded.diagnostics).toEqual([]);
  if (!loaded.framework) throw new Error('indicators/coinr-asem.yaml did not load');
  return loaded.framework;
}

function expectNear(actual: number | undefined, expected: number, what: string): void {
  expect(Number.isFinite(expected), `${what}: expected value`).toBe(true);
  expect(Math.abs((actual ?? NaN) - expected), what).toBeLessThan(1e-9);
}

describe('COINr ASEM example, pipeline A', () => {
  it('encodes 49 indicators in 8 pillars under Conn and Sust, 14 of them negative', async () => {
    const framework = await loadAsem();
    expect(framework.indicators).toHaveLength(49);
    expect(framework.dimensions.map((d) => d.id)).toEqual(['Conn', 'Sust']);
    expect(framework.groups.filter((g) => g.depth === 2)).toHaveLength(8);
    expect(framework.indicators.filter((i) => i.direction === 'negative')).toHaveLength(14);
  });

  if (!hasData) {
    if (isSharedRequired) {
      it('finds the COINr exports (DGMI_REQUIRE_SHARED=1)', () => {
        expect.fail(`${rawFile} is missing: DGMI_REQUIRE_SHARED=1 makes the COINr conformance data required`);
      });
    } else {
      it.skip('matches COINr (skipped: ../shared/data/coinr-asem/ with COINr exports is not present; DGMI_REQUIRE_SHARED=1 makes this a failure)', () => {});
    }
    return;
  }

  it('matches COINr Index, Conn, Sust and every pillar to 1e-9, with identical ranks', async () => {
    const framework = await loadAsem();
    // Through the real loader: the file is a plain wide CSV the framework's `columns:` maps.
    const loaded = await loadSubmissions(framework, [rawFile]);
    // Its seven descriptive columns (groups, area, energy, GDP, population) are not indicators:
    // each is one warning, and nothing else is reported.
    expect(loaded.diagnostics.map((d) => [d.code, d.args['header']])).toEqual(
      ['GDP_group', 'GDPpc_group', 'Pop_group', 'Area', 'Energy', 'GDP', 'Population'].map((header) => ['column-unknown', header]),
    );
    const dataset = loaded.dataset;
    if (!dataset) throw new Error('asem_iData_raw.csv gave no rows');
    expect(dataset.rowCount).toBe(51);
    const table = score(framework, dataset);
    expect(table.diagnostics).toEqual([]);
    expect(table.periods).toEqual(['2018']);

    const rowOf = new Map(dataset.region.map((code, row) => [code, row]));
    const expectRow = (code: string): number => {
      const row = rowOf.get(code);
      if (row === undefined) throw new Error(`COINr unit ${code} not in the dataset`);
      return row;
    };

    const summary = readCsv('minimal_index_scores_ranks.csv');
    expect(summary).toHaveLength(51);
    for (const record of summary) {
      const row = expectRow(record['uCode'] ?? '');
      const code = record['uCode'];
      expectNear(table.composite.score[row], Number(record['Index']), `${code} Index`);
      expectNear(table.nodes.get('Conn')?.score[row], Number(record['Conn']), `${code} Conn`);
      expectNear(table.nodes.get('Sust')?.score[row], Number(record['Sust']), `${code} Sust`);
      expect(table.composite.rank[row]).toBe(Number(record['IndexRank']));
    }

    const full = readCsv('minimal_results_full_scores.csv');
    const pillars = framework.groups.filter((g) => g.depth === 2).map((g) => g.id);
    for (const record of full) {
      const row = expectRow(record['uCode'] ?? '');
      expect(table.composite.rank[row]).toBe(Number(record['Rank']));
      for (const id of ['Index', 'Conn', 'Sust', ...pillars]) {
        const actual = id === 'Index' ? table.composite.score[row] : table.nodes.get(id)?.score[row];
        // The full-scores export carries 10 decimals, so agreement to 1e-9 is all it can show.
        expectNear(actual, Number(record[id]), `${record['uCode']} ${id}`);
      }
      // Indicator scores: COINr's normalised values (NA where the raw value was missing).
      for (const indicator of framework.indicators) {
        const cell = record[indicator.id] ?? '';
        const actual = table.indicators.get(indicator.id)?.normalised[row] ?? NaN;
        if (cell === '' || cell === 'NA') expect(actual, `${record['uCode']} ${indicator.id}`).toBeNaN();
        else expectNear(actual, Number(cell), `${record['uCode']} ${indicator.id}`);
      }
    }

    // The reporting order is COINr's rank order (no ties in this example).
    const ordered = Array.from(table.order, (row) => dataset.region[row]);
    expect(ordered).toEqual(summary.map((r) => r['uCode']));
  });
});
