/**
 * Conformance with COINr (R): the ASEM example, pipeline A (min-max [0, 100] with directions,
 * arithmetic means with equal weights, missing values skipped and weights renormalised). dgmi
 * must reproduce COINr 1.1.14's Index, sub-indices, pillars and ranks to 1e-9.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import { FrameworkSchema } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const dataDir = new URL('../../../shared/data/coinr-asem/', import.meta.url);
const hasData = existsSync(fileURLToPath(new URL('asem_iData_raw.csv', dataDir)));
const frameworkFile = new URL('../../indicators/coinr-asem.yaml', import.meta.url);

type CsvRecord = Record<string, string>;

function readCsv(name: string): CsvRecord[] {
  return parseCsv(readFileSync(new URL(name, dataDir), 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRecord[];
}

function loadFramework(): ResolvedFramework {
  const input = FrameworkSchema.parse(parseYaml(readFileSync(frameworkFile, 'utf8')));
  return resolveFramework(input, { file: 'indicators/coinr-asem.yaml' });
}

/** A minimal wide-CSV adapter (the real loader lives in src/load): empty cell = NA = missing. */
function toDataset(framework: ResolvedFramework, records: readonly CsvRecord[], file: string): Dataset {
  const { columns } = framework;
  const text = (record: CsvRecord, column: string): string => record[column] ?? '';
  return {
    rowCount: records.length,
    region: records.map((r) => text(r, columns.region)),
    name: records.map((r) => text(r, columns.name)),
    group: records.map((r) => text(r, columns.group)),
    period: records.map((r) => text(r, columns.period)),
    values: framework.indicators.map((indicator) =>
      Float64Array.from(records, (r) => {
        const cell = r[indicator.id];
        if (cell === undefined) throw new Error(`column ${indicator.id} absent from ${file}`);
        return cell === '' || cell === 'NA' ? NaN : Number(cell);
      }),
    ),
    // Line 1 is the header; no cell spans lines in these files.
    sources: records.map((_, i) => ({ file, line: i + 2 })),
    inputs: [{ path: file, sha256: '' }],
  };
}

function expectNear(actual: number | undefined, expected: number, what: string): void {
  expect(Number.isFinite(expected), `${what}: expected value`).toBe(true);
  expect(Math.abs((actual ?? NaN) - expected), what).toBeLessThan(1e-9);
}

describe('COINr ASEM example, pipeline A', () => {
  it('encodes 49 indicators in 8 pillars under Conn and Sust, 14 of them negative', () => {
    const framework = loadFramework();
    expect(framework.indicators).toHaveLength(49);
    expect(framework.dimensions.map((d) => d.id)).toEqual(['Conn', 'Sust']);
    expect(framework.groups.filter((g) => g.depth === 2)).toHaveLength(8);
    expect(framework.indicators.filter((i) => i.direction === 'negative')).toHaveLength(14);
  });

  if (!hasData) {
    it.skip('matches COINr (skipped: /work/shared/data/coinr-asem/ with COINr exports is not present)', () => {});
    return;
  }

  it('matches COINr Index, Conn, Sust and every pillar to 1e-9, with identical ranks', () => {
    const framework = loadFramework();
    const dataset = toDataset(framework, readCsv('asem_iData_raw.csv'), 'asem_iData_raw.csv');
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
