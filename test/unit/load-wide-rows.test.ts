/**
 * Row storage of wide submissions is sized once from the line count: the estimate, and the
 * builder's result whether the estimate is exact, high (blank lines) or low (bare-CR files).
 */
import { describe, expect, it } from 'vitest';
import type { CellSpec } from '../../src/load/cells.js';
import type { CsvRecord } from '../../src/load/csv-table.js';
import { convertWideRecords, countRecordLines, WideRowsBuilder, type WideRowsPlan } from '../../src/load/wide-rows.js';

const spec = (indicator: string): CellSpec => ({ indicator, kind: 'number', levels: new Map(), min: 0, max: 100 });
/** Columns: region, period, a, b; a and b are the indicators, in that order. */
const plan: WideRowsPlan = {
  targets: [
    { column: 2, spec: spec('a') },
    { column: 3, spec: spec('b') },
  ],
  rows: { region: 0, period: 1 },
  maxProblems: 10,
};
const record = (line: number, ...fields: string[]): CsvRecord => ({ fields, line, isRagged: false });
const records = [record(2, '110000', '2022', '1.5', '2'), record(3, '120000', '2022', '', 'x'), record(4, '130000', '2022', '100', '0')];

describe('countRecordLines', () => {
  it('counts line breaks, and a last line without one', () => {
    expect(countRecordLines('')).toBe(0);
    expect(countRecordLines('a')).toBe(1);
    expect(countRecordLines('a\n')).toBe(1);
    expect(countRecordLines('a\nb')).toBe(2);
    expect(countRecordLines('a\r\nb\r\n')).toBe(2); // CRLF once
    expect(countRecordLines('a\n\nb\n')).toBe(3); // a blank line counts: the estimate errs high
    expect(countRecordLines('a\rb\r')).toBe(1); // bare CR: one line, the builder grows
  });
});

describe('WideRowsBuilder', () => {
  // Values: row 1 is (1.5, 2); row 2 (NaN: empty, NaN: 'x' is bad); row 3 (100, 0).
  const expected = [1.5, 2, Number.NaN, Number.NaN, 100, 0];

  for (const [what, capacity] of [
    ['sized exactly', 3],
    ['sized high', 10],
    ['sized low, so it grows', 1],
  ] as const) {
    it(`gives the same rows ${what}`, () => {
      const builder = new WideRowsBuilder(plan, capacity);
      for (const r of records) builder.add(r);
      const rows = builder.finish();
      expect([...rows.values]).toEqual(expected);
      expect(rows.values).toHaveLength(3 * 2);
      expect([...rows.hasBadCell]).toEqual([0, 1, 0]);
      expect([...rows.isRagged]).toEqual([0, 0, 0]);
      expect(rows.lines).toEqual([2, 3, 4]);
      expect(rows.rowCells.region).toEqual(['110000', '120000', '130000']);
      expect(rows.problems.map((p) => [p.record, p.target, p.problem.code, p.text])).toEqual([[1, 1, 'cell-not-a-number', 'x']]);
    });
  }

  it('converts a whole table with room for exactly its records', () => {
    const rows = convertWideRecords(records, plan);
    expect([...rows.values]).toEqual(expected);
    expect(rows.hasBadCell).toHaveLength(3);
  });
});
