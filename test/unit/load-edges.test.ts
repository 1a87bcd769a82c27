/**
 * The loading rough edges of issue 14: files whose rows disagree with the header in bulk stop
 * early; semicolon files read decimal commas; title rows above the header are skipped by
 * `--header-row` or found by the framework's columns.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOADING_MESSAGES } from '../../src/diagnostics/codes/loading.js';
import { parseCsvTable } from '../../src/load/csv-table.js';
import type { LoadedFile } from '../../src/load/file.js';
import { RAGGED_ROWS_LIMIT } from '../../src/load/ragged-rows.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadTestFramework } from '../fixtures/data/framework.js';
import { oneSheet } from '../fixtures/xlsx/workbook.js';

const framework = loadTestFramework();

function file(path: string, content: string | Uint8Array): LoadedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function column(dataset: Dataset | undefined, id: string): number[] {
  const indicator = framework.indicators.find((i) => i.id === id);
  if (!dataset || !indicator) throw new Error(`no dataset or no indicator ${id}`);
  return [...(dataset.values[indicator.index] ?? [])];
}

const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((d) => d.code);
const HEADER = 'region,online_rate,services';

/** A wide file whose data rows `ragged` (0-based) have one field too many. */
function raggedFile(rows: number, ragged: ReadonlySet<number>): string {
  const lines = [HEADER];
  for (let r = 0; r < rows; r++) lines.push(ragged.has(r) ? `${100000 + r},50,${r},extra` : `${100000 + r},50,${r}`);
  return `${lines.join('\n')}\n`;
}

describe('ragged rows in bulk', () => {
  it(`stops at the ${RAGGED_ROWS_LIMIT}th ragged row with one diagnostic naming the first and the last line`, () => {
    // Every data row ragged: line 2 is the first, line 1 + 1000 = 1001 the thousandth.
    const text = raggedFile(5000, new Set(Array.from({ length: 5000 }, (_, r) => r)));
    const result = parseCsvTable(text, 'bad.csv');
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'csv-ragged-stopped', severity: 'error', file: 'bad.csv', line: 2 });
    expect(result.diagnostics[0]?.args).toEqual({ count: RAGGED_ROWS_LIMIT, expected: 3, firstLine: 2, line: 1001 });
  });

  it('reads a file with fewer ragged rows than the limit, reporting each', () => {
    const text = raggedFile(1200, new Set(Array.from({ length: RAGGED_ROWS_LIMIT - 1 }, (_, r) => r + 100)));
    const result = parseCsvTable(text, 'some.csv');
    expect(result.table?.records).toHaveLength(1200);
    expect(result.diagnostics).toHaveLength(RAGGED_ROWS_LIMIT - 1);
    expect(new Set(codes(result.diagnostics))).toEqual(new Set(['csv-field-count']));
  });

  it('uses none of a stopped file’s rows (the other files are still read)', async () => {
    const stopped = raggedFile(1500, new Set(Array.from({ length: 1500 }, (_, r) => r)));
    const good = `${HEADER}\n999999,40,7\n`;
    const result = await parseSubmissions(framework, [file('bad.csv', stopped), file('good.csv', good)], { threads: 1 });
    expect(result.dataset?.region).toEqual(['999999']);
    expect(codes(result.diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual(['csv-ragged-stopped']);
  });

  it('gives the same diagnostics and rows read in pieces (--threads) as read whole, around the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: RAGGED_ROWS_LIMIT - 3, max: RAGGED_ROWS_LIMIT + 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 4 }),
        async (raggedCount, seed, threads) => {
          // `raggedCount` distinct rows of 1,400, picked by a seeded shuffle.
          const order = Array.from({ length: 1400 }, (_, r) => r);
          let state = seed;
          for (let i = order.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
          }
          const text = raggedFile(1400, new Set(order.slice(0, raggedCount)));
          const whole = await parseSubmissions(framework, [file('f.csv', text)], { threads: 1 });
          const pieces = await parseSubmissions(framework, [file('f.csv', text)], { threads });
          expect(pieces.diagnostics).toEqual(whole.diagnostics);
          expect(pieces.dataset?.rowCount).toEqual(whole.dataset?.rowCount);
          expect(codes(whole.diagnostics).includes('csv-ragged-stopped')).toBe(raggedCount >= RAGGED_ROWS_LIMIT);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('decimal commas in semicolon files', () => {
  it('reads 12,5 as 12.5 and 1.234,5 as 1234.5 where the delimiter is a semicolon', async () => {
    const text = 'region;online_rate;services\n110000;12,5;1.234,5\n120000;7.25;3\n130000;99,5 %;0,5\n';
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('eu.csv', text)]);
    expect(codes(diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual([]);
    expect(column(dataset, 'online_rate')).toEqual([12.5, 7.25, 99.5]);
    expect(column(dataset, 'services')).toEqual([1234.5, 3, 0.5]);
  });

  it('leaves comma files as they were: a quoted 12,5 is a bad thousands grouping, 1,234 is 1234', async () => {
    const text = 'region,online_rate,services\n110000,"12,5","1,234"\n';
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('cn.csv', text)]);
    expect(codes(diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual(['cell-thousands-grouping']);
    expect(column(dataset, 'services')).toEqual([1234]);
  });

  it('applies to files read in pieces too', async () => {
    const lines = ['region;online_rate;services'];
    for (let r = 0; r < 300; r++) lines.push(`${100000 + r};${r % 100},5;${r},25`);
    const text = `${lines.join('\n')}\n`;
    const whole = await parseSubmissions(framework, [file('eu.csv', text)], { threads: 1 });
    const pieces = await parseSubmissions(framework, [file('eu.csv', text)], { threads: 3 });
    // Row r: online_rate (r mod 100) + 0.5, services r + 0.25.
    expect(column(whole.dataset, 'online_rate').slice(0, 3)).toEqual([0.5, 1.5, 2.5]);
    expect(column(whole.dataset, 'services').slice(298)).toEqual([298.25, 299.25]);
    expect(pieces.diagnostics).toEqual(whole.diagnostics);
    expect(column(pieces.dataset, 'services')).toEqual(column(whole.dataset, 'services'));
  });
});

describe('title rows above the header', () => {
  const titled = '2022 年数字政府评估数据,,\n填报单位：某省,,\n\nregion,online_rate,services\n110000,50,3\n';

  it('finds the header below title rows, with a warning naming its row', async () => {
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('titled.csv', titled)]);
    const detected = diagnostics.filter((d) => d.code === 'header-row-detected');
    // Lines 1 and 2 are the title rows (line 3 is blank): the header is line 4, two rows skipped.
    expect(detected).toEqual([expect.objectContaining({ severity: 'warning', file: 'titled.csv', line: 4, args: { line: 4, skipped: 2 } })]);
    expect(detected[0]?.hint).toContain('--header-row 4');
    expect(dataset?.region).toEqual(['110000']);
    expect(dataset?.sources).toEqual([{ file: 'titled.csv', line: 5 }]);
    expect(column(dataset, 'services')).toEqual([3]);
  });

  it('takes the row --header-row names, without a warning', async () => {
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('titled.csv', titled)], { headerRow: 4 });
    expect(codes(diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual([]);
    expect(dataset?.region).toEqual(['110000']);
  });

  it('says when --header-row is past the last row', async () => {
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('titled.csv', titled)], { headerRow: 40 });
    expect(dataset).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'header-row-missing', severity: 'error', args: { row: 40 } })]);
  });

  it('leaves a file whose first row is the header alone, and one with no matching row to the usual error', async () => {
    const plain = await parseSubmissions(framework, [file('plain.csv', `${HEADER}\n110000,50,3\n`)]);
    expect(codes(plain.diagnostics)).not.toContain('header-row-detected');
    const none = await parseSubmissions(framework, [file('none.csv', 'title\nfoo,bar\n1,2\n')]);
    expect(codes(none.diagnostics)).toContain('column-region-missing');
    expect(codes(none.diagnostics)).not.toContain('header-row-detected');
  });

  it('finds the header of an .xlsx sheet below a merged title row', async () => {
    const bytes = oneSheet(
      [
        ['2022 年数字政府评估数据', null, null],
        [],
        ['region', 'online_rate', 'services'],
        ['110000', 50, 3],
      ],
      { merges: ['A1:C1'], rowNumbers: [1, 2, 3, 4] },
    );
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('titled.xlsx', bytes)]);
    expect(codes(diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual(['header-row-detected']);
    expect(diagnostics.find((d) => d.code === 'header-row-detected')?.args).toEqual({ line: 3, skipped: 1 });
    expect(dataset?.sources).toEqual([{ file: 'titled.xlsx', line: 4 }]);
    expect(column(dataset, 'services')).toEqual([3]);
    const named = await parseSubmissions(framework, [file('titled.xlsx', bytes)], { headerRow: 3 });
    expect(codes(named.diagnostics).filter((c) => c !== 'column-indicator-missing')).toEqual([]);
  });
});

describe('loading diagnostic catalog', () => {
  const ARGS = { count: 1000, expected: 3, firstLine: 2, line: 1001, skipped: 2, row: 4 };
  it.each(Object.keys(LOADING_MESSAGES))('%s is worded in en and zh, with nothing left unfilled', (code) => {
    const spec = LOADING_MESSAGES[code as keyof typeof LOADING_MESSAGES];
    for (const text of [spec.en(ARGS), spec.zh(ARGS), spec.hint.en(ARGS), spec.hint.zh(ARGS)]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });
});
