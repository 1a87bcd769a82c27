/**
 * `--format parquet` read back with an independent reader (hyparquet, which shares no code with
 * the writer we ship beyond the format), every number compared with the JSON document — whose
 * own tests check the numbers by hand (results-format-fixture.ts).
 */
import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../../src/report/palette.js';
import { RESULT_DETAILS } from '../../src/report/results/detail.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { formatJson } from '../../src/report/results/json.js';
import { formatParquet, parquetChunks } from '../../src/report/results/parquet.js';
import { FRAMEWORK_SHA256, fixtureTable } from './results-format-fixture.js';

const en: ResultFormatOptions = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' };

type Row = Record<string, unknown>;
interface JsonResult {
  region: string;
  name: string | null;
  group: string | null;
  period: string | null;
  score: number | null;
  rank: number | null;
  tier: string | null;
  nodes?: Record<string, { score: number | null; rank: number | null; contribution: number | null }>;
  indicators?: Record<string, { value: number | null; normalised: number | null; imputed: boolean }>;
}

async function readBack(bytes: Uint8Array): Promise<{ rows: Row[]; columns: string[]; metadata: Record<string, unknown> }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Row[];
  const meta = parquetMetadata(file);
  const columns = parquetSchema(meta).children.map((c) => c.element.name);
  const metadata = Object.fromEntries((meta.key_value_metadata ?? []).map((kv) => [kv.key, JSON.parse(kv.value ?? 'null') as unknown]));
  return { rows, columns, metadata };
}

/** The row the Parquet file should hold for a JSON result, as the JSON numbers say. */
function expectedRow(result: JsonResult, tierName: string | null): Row {
  const row: Row = {
    period: result.period,
    rank: result.rank,
    region: result.region,
    name: result.name,
    group: result.group,
    score: result.score,
    tier: result.tier,
    tier_name: tierName,
  };
  for (const [id, n] of Object.entries(result.nodes ?? {})) {
    row[`nodes.${id}.score`] = n.score;
    row[`nodes.${id}.rank`] = n.rank;
    row[`nodes.${id}.contribution`] = n.contribution;
  }
  for (const [id, i] of Object.entries(result.indicators ?? {})) {
    row[`indicators.${id}.value`] = i.value;
    row[`indicators.${id}.normalised`] = i.normalised;
    row[`indicators.${id}.imputed`] = i.imputed;
  }
  return row;
}

const TIER_NAMES: Record<string, string> = { leading: 'Leading', developing: 'Developing' };

describe('formatParquet', () => {
  for (const detail of RESULT_DETAILS) {
    it(`--detail ${detail}: every value equals the JSON document's, row for row and column for column`, async () => {
      const options = { ...en, detail };
      const { rows, columns } = await readBack(await formatParquet(fixtureTable(), options));
      const results = (JSON.parse(formatJson(fixtureTable(), options)) as { results: JsonResult[] }).results;
      const expected = results.map((r) => expectedRow(r, r.tier === null ? null : (TIER_NAMES[r.tier] ?? null)));
      expect(rows).toEqual(expected);
      expect(columns).toEqual(Object.keys(expected[0] ?? {}));
    });
  }

  it('defaults to groups, and types columns: INT32 ranks, DOUBLE scores, BOOLEAN imputed, all OPTIONAL', async () => {
    const bytes = await formatParquet(fixtureTable(), { ...en, detail: 'indicators' });
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const elements = Object.fromEntries(parquetSchema(parquetMetadata(file)).children.map((c) => [c.element.name, c.element]));
    expect(elements['rank']?.type).toBe('INT32');
    expect(elements['score']?.type).toBe('DOUBLE');
    expect(elements['nodes.service.rank']?.type).toBe('INT32');
    expect(elements['indicators.cdo.imputed']?.type).toBe('BOOLEAN');
    expect(elements['region']?.type).toBe('BYTE_ARRAY');
    for (const element of Object.values(elements)) expect(element.repetition_type).toBe('OPTIONAL');
    const byDefault = await readBack(await formatParquet(fixtureTable(), en));
    expect(byDefault.columns).toContain('nodes.organization.score');
    expect(byDefault.columns.some((c) => c.startsWith('indicators.'))).toBe(false);
  });

  it('no value is null, not NaN: unscored 四川 2022 and its missing service', async () => {
    const { rows } = await readBack(await formatParquet(fixtureTable(), { ...en, period: '2022' }));
    const sichuan = rows[3] ?? {};
    expect(sichuan['region']).toBe('510000');
    expect([sichuan['score'], sichuan['rank'], sichuan['tier'], sichuan['tier_name']]).toEqual([null, null, null, null]);
    expect([sichuan['nodes.service.score'], sichuan['nodes.organization.score']]).toEqual([null, 40]);
    // X01 has no group: null, as in JSON.
    expect(rows[2]?.['group']).toBeNull();
  });

  it('carries the provenance of the JSON document in key-value metadata', async () => {
    const { metadata } = await readBack(await formatParquet(fixtureTable(), { ...en, lang: 'zh' }));
    expect(metadata['dgmi.format']).toBe('dgmi-result/1');
    expect(metadata['dgmi.version']).toBe('0.1.0');
    expect(metadata['dgmi.framework']).toEqual({ id: 'cn-dgdi', version: '2024', sha256: FRAMEWORK_SHA256 });
    expect(metadata['dgmi.inputs']).toEqual([
      { path: 'samples/2021.csv', sha256: 'a'.repeat(64) },
      { path: 'samples/2022.csv', sha256: 'b'.repeat(64) },
    ]);
    expect(metadata['dgmi.scale']).toBe(100);
    expect(metadata['dgmi.detail']).toBe('groups');
    const diagnostics = metadata['dgmi.diagnostics'] as { code: string; line: number }[];
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['cell-not-a-number', 4]]);
  });

  it('is the same bytes on every run (no clock in the file)', async () => {
    const a = await formatParquet(fixtureTable(), en);
    const b = await formatParquet(fixtureTable(), en);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('row groups of any size hold the same rows: 7 rows in groups of 1, 2 and 3', async () => {
    const whole = await readBack(await formatParquet(fixtureTable(), { ...en, detail: 'indicators' }));
    for (const rowsPerGroup of [1, 2, 3]) {
      const bytes = await formatParquet(fixtureTable(), { ...en, detail: 'indicators' }, { rowsPerGroup });
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      // ⌈7 / n⌉ groups: 7, 4, 3.
      expect(parquetMetadata(file).row_groups).toHaveLength(Math.ceil(7 / rowsPerGroup));
      expect((await readBack(bytes)).rows).toEqual(whole.rows);
    }
  });

  it('streams a piece per row group, then the footer; the pieces are the file', async () => {
    const pieces: Uint8Array[] = [];
    for await (const piece of parquetChunks(fixtureTable(), en, { rowsPerGroup: 2 })) pieces.push(piece);
    // 7 rows in groups of 2: 4 groups, then the footer.
    expect(pieces).toHaveLength(5);
    expect(Buffer.from(pieces[0] ?? []).subarray(0, 4).toString('latin1')).toBe('PAR1');
    expect(Buffer.from(pieces.at(-1) ?? []).subarray(-4).toString('latin1')).toBe('PAR1');
    expect(Buffer.concat(pieces).equals(Buffer.from(await formatParquet(fixtureTable(), en, { rowsPerGroup: 2 })))).toBe(true);
  });

  it('equals the JSON results for any --period, --top and --detail (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<string | undefined>(undefined, '2021', '2022'),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        fc.constantFrom(...RESULT_DETAILS),
        fc.integer({ min: 1, max: 8 }),
        async (period, top, detail, rowsPerGroup) => {
          const options = { ...en, period, top, detail };
          const results = (JSON.parse(formatJson(fixtureTable(), options)) as { results: JsonResult[] }).results;
          const { rows } = await readBack(await formatParquet(fixtureTable(), options, { rowsPerGroup }));
          expect(rows).toEqual(results.map((r) => expectedRow(r, r.tier === null ? null : (TIER_NAMES[r.tier] ?? null))));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('writes a file with no rows when --top 0 selects none', async () => {
    const { rows, columns } = await readBack(await formatParquet(fixtureTable(), { ...en, top: 0 }));
    expect(rows).toEqual([]);
    expect(columns.slice(0, 3)).toEqual(['period', 'rank', 'region']);
  });
});
