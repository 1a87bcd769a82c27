import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHint, renderMessage } from '../../src/diagnostics/messages.js';
import type { ScoreTable } from '../../src/model/score-table.js';
import { plainPalette } from '../../src/report/palette.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { formatJson, jsonResultChunks } from '../../src/report/results/json.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { FRAMEWORK_INPUT, FRAMEWORK_SHA256, INJECTION_NAME, fixtureTable } from './results-format-fixture.js';

const en: ResultFormatOptions = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' };

const RESULT_KEYS = ['region', 'name', 'group', 'period', 'score', 'rank', 'tier', 'nodes', 'indicators'];

/** Reads a parsed document as nested records without casting at every step. */
function record(value: unknown): Record<string, unknown> {
  expect(typeof value).toBe('object');
  expect(value).not.toBeNull();
  return value as Record<string, unknown>;
}

describe('formatJson', () => {
  const table = fixtureTable();
  const text = formatJson(table, en);
  const doc = record(JSON.parse(text));

  it('has the contract keys, in contract order, with provenance', () => {
    expect(Object.keys(doc)).toEqual(['format', 'framework', 'inputs', 'scale', 'results', 'diagnostics']);
    expect(doc['format']).toBe('dgmi-result/1');
    expect(Object.keys(record(doc['framework']))).toEqual(['id', 'version', 'sha256']);
    expect(doc['framework']).toEqual({ id: 'cn-dgdi', version: '2024', sha256: FRAMEWORK_SHA256 });
    expect(doc['inputs']).toEqual([
      { path: 'samples/2021.csv', sha256: 'a'.repeat(64) },
      { path: 'samples/2022.csv', sha256: 'b'.repeat(64) },
    ]);
    expect(doc['scale']).toBe(100);
  });

  it('is 2-space indented with a trailing newline, exactly as JSON.stringify(document, null, 2)', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.split('\n')[1]).toBe('  "format": "dgmi-result/1",');
  });

  it('lists results by period, rank, region with unscored rows last, every field in order', () => {
    const results = doc['results'];
    expect(Array.isArray(results)).toBe(true);
    const rows = (results as unknown[]).map(record);
    expect(rows.map((r) => `${String(r['period'])}/${String(r['region'])}`)).toEqual([
      '2021/110000',
      '2021/310000',
      '2021/X01',
      '2022/310000',
      '2022/110000',
      '2022/X01',
      '2022/510000',
    ]);
    for (const r of rows) expect(Object.keys(r)).toEqual(RESULT_KEYS);
    // 上海 2022: (90 + 80) / 2 = 85, rank 1 → leading; contributions 90 × 0.5 = 45, 80 × 0.5 = 40;
    // cdo value 90 / 50 = 1.8.
    expect(rows[3]).toEqual({
      region: '310000',
      name: '上海',
      group: 'east',
      period: '2022',
      score: 85,
      rank: 1,
      tier: 'leading',
      nodes: {
        organization: { score: 90, rank: 1, contribution: 45 },
        org_core: { score: 90, rank: 1, contribution: 45 },
        service: { score: 80, rank: 2, contribution: 40 },
      },
      indicators: {
        cdo: { value: 1.8, normalised: 90, imputed: false },
        online_rate: { value: 80, normalised: 80, imputed: false },
      },
    });
    const nodes = record(rows[3]?.['nodes']);
    expect(Object.keys(nodes)).toEqual(['organization', 'org_core', 'service']); // framework pre-order
    expect(Object.keys(record(nodes['service']))).toEqual(['score', 'rank', 'contribution']);
    expect(Object.keys(record(record(rows[3]?.['indicators'])['cdo']))).toEqual(['value', 'normalised', 'imputed']);
  });

  it('writes NaN as null, empty text as null, numbers unrounded, and the imputed flag', () => {
    const rows = (doc['results'] as unknown[]).map(record);
    // 四川 2022 is unscored: no score, rank or tier; service and online_rate are missing.
    expect(rows[6]).toEqual({
      region: '510000',
      name: '四川',
      group: 'west',
      period: '2022',
      score: null,
      rank: null,
      tier: null,
      nodes: {
        organization: { score: 40, rank: 4, contribution: 20 },
        org_core: { score: 40, rank: 4, contribution: 20 },
        service: { score: null, rank: null, contribution: null },
      },
      indicators: {
        cdo: { value: 0.8, normalised: 40, imputed: false },
        online_rate: { value: null, normalised: null, imputed: false },
      },
    });
    // X01 2022: no group → null; (60 + 200/3) / 2 kept unrounded; service contribution 200/3 × 0.5.
    const x01 = rows[5] ?? {};
    expect(x01['name']).toBe(INJECTION_NAME);
    expect(x01['group']).toBeNull();
    expect(x01['score']).toBe(63.333333333333336);
    expect(record(record(x01['nodes'])['service'])).toEqual({ score: 200 / 3, rank: 3, contribution: 100 / 3 });
    expect(text).toContain('"score": 66.66666666666667,');
    // 北京 2021's cdo was imputed.
    expect(record(record(rows[0]?.['indicators'])['cdo'])['imputed']).toBe(true);
  });

  it('renders diagnostics in the requested language with nulls for absent fields', () => {
    const d = table.diagnostics[0];
    if (!d) throw new Error('fixture has a diagnostic');
    for (const lang of ['en', 'zh'] as const) {
      const diagnostics = JSON.parse(formatJson(table, { ...en, lang })).diagnostics as unknown[];
      expect(diagnostics).toHaveLength(1);
      const entry = record(diagnostics[0]);
      // The same entry shape as `dgmi validate --format json` (one writer for every JSON document).
      expect(Object.keys(entry)).toEqual(['code', 'severity', 'message', 'hint', 'file', 'line', 'column', 'endLine', 'endColumn', 'path', 'args']);
      expect(entry).toEqual({
        code: 'cell-not-a-number',
        severity: 'error',
        message: renderMessage(d, lang),
        hint: renderHint(d, lang),
        file: 'samples/2022.csv',
        line: 4,
        column: 5,
        endLine: null,
        endColumn: null,
        path: ['online_rate'],
        args: { text: 'abc', columnLetter: 'E', header: 'online_rate' },
      });
    }
    expect(renderMessage(d, 'zh')).not.toBe(renderMessage(d, 'en'));
    const bare = { ...d, line: undefined, column: undefined, path: undefined, hint: undefined, code: 'not-in-catalog' };
    const entry = record((JSON.parse(formatJson({ ...table, diagnostics: [bare] }, en)).diagnostics as unknown[])[0]);
    expect([entry['hint'], entry['line'], entry['column'], entry['path']]).toEqual([null, null, null, null]);
  });

  it('gives null version, sha256 and tier for a framework without them, and [] for no rows', () => {
    const { tiers: _tiers, version: _version, ...plain } = FRAMEWORK_INPUT;
    const bare: ScoreTable = { ...table, framework: resolveFramework(plain), diagnostics: [] };
    const parsed = record(JSON.parse(formatJson(bare, en)));
    expect(parsed['framework']).toEqual({ id: 'cn-dgdi', version: null, sha256: null });
    expect((parsed['results'] as unknown[]).map((r) => record(r)['tier'])).toEqual([null, null, null, null, null, null, null]);
    const none = formatJson(table, { ...en, period: '1999' });
    expect(none).toContain('\n  "results": [],\n');
    expect(record(JSON.parse(none))['results']).toEqual([]);
  });

  it('honours --period and --top', () => {
    const parsed = record(JSON.parse(formatJson(table, { ...en, period: '2021', top: 2 })));
    expect((parsed['results'] as unknown[]).map((r) => record(r)['region'])).toEqual(['110000', '310000']);
  });

  it('is the concatenation of its chunks, and the same bytes every time', () => {
    const decoder = new TextDecoder();
    expect([...jsonResultChunks(table, en)].map((c) => (typeof c === 'string' ? c : decoder.decode(c))).join('')).toBe(text);
    expect(formatJson(fixtureTable(), en)).toBe(text);
  });
});

/** The document built the obvious way, as an object graph: the oracle for the fast writer. */
function referenceDocument(table: ScoreTable, order: readonly number[]) {
  const { framework, dataset } = table;
  const num = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
  const textOrNull = (s: string | undefined) => (s ? s : null);
  return {
    format: 'dgmi-result/1',
    framework: { id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null },
    inputs: dataset.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    scale: framework.scale,
    results: order.map((row) => ({
      region: dataset.region[row],
      name: textOrNull(dataset.name[row]),
      group: textOrNull(dataset.group[row]),
      period: textOrNull(dataset.period[row]),
      score: num(table.composite.score[row]),
      rank: num(table.composite.rank[row]),
      tier: framework.tiers?.levels[table.tier[row] ?? -1]?.id ?? null,
      nodes: Object.fromEntries(
        framework.groups.map((g) => {
          const s = table.nodes.get(g.id);
          return [g.id, { score: num(s?.score[row]), rank: num(s?.rank[row]), contribution: num(s?.contribution[row]) }];
        }),
      ),
      indicators: Object.fromEntries(
        framework.indicators.map((i) => {
          const s = table.indicators.get(i.id);
          return [i.id, { value: num(s?.value[row]), normalised: num(s?.normalised[row]), imputed: s?.imputed[row] === 1 }];
        }),
      ),
    })),
    diagnostics: [],
  };
}

describe('formatJson (property)', () => {
  it('equals JSON.stringify(reference document, null, 2) for any names and numbers', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', '"', '\\', '\n', '\u0001', '\u2028', '😀', ' ') });
    const column = fc.array(fc.double(), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 7, maxLength: 7 }),
        fc.array(fc.constantFrom('', 'east', '"q"'), { minLength: 7, maxLength: 7 }),
        fc.array(column, { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom(-1, 0, 1), { minLength: 7, maxLength: 7 }),
        (names, groups, columns, tiers) => {
          const base = fixtureTable({ name: names, group: groups, period: ['', '', '', '', '', '', ''] });
          const col = (i: number) => Float64Array.from(columns[i] ?? []);
          const table: ScoreTable = {
            ...base,
            composite: { ...base.composite, score: col(0), rank: col(1) },
            nodes: new Map([
              ['organization', { ...base.composite, score: col(2), contribution: col(3) }],
              ['service', { ...base.composite, rank: col(4) }],
            ]), // org_core deliberately absent: written as nulls
            indicators: new Map([['cdo', { value: col(5), normalised: col(6), imputed: new Uint8Array(7).fill(1), effectiveWeight: col(7) }]]),
            tier: Int32Array.from(tiers),
            order: Uint32Array.from([6, 5, 4, 3, 2, 1, 0]),
            diagnostics: [],
          };
          const expected = `${JSON.stringify(referenceDocument(table, [6, 5, 4, 3, 2, 1, 0]), null, 2)}\n`;
          expect(formatJson(table, en)).toBe(expected);
        },
      ),
    );
  });
});

describe('formatJson (text longer than a batch buffer)', () => {
  it('grows its UTF-8 buffer mid-character without splitting or losing one (surrogate pairs, Chinese, escapes)', () => {
    // The buffer starts at about 7 × 910 bytes for these 7 rows; each name is far longer, so
    // encodeInto runs out of room inside a 4-byte emoji, a 3-byte 中 and an escaped quote.
    const names = ['😀', '中', '"', '\\', '\n', 'é', 'a😀中'].map((unit, i) => unit.repeat(20_000 + i));
    const table: ScoreTable = { ...fixtureTable({ name: names }), diagnostics: [] };
    const order = Array.from(table.order);
    expect(formatJson(table, en)).toBe(`${JSON.stringify(referenceDocument(table, order), null, 2)}\n`);
  });
});
