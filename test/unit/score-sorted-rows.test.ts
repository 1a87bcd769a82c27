/**
 * sortPresentRows above the insertion-sort limit (65 values and more): the high-word radix sort,
 * the settling of runs that share a high word, and the fall-back to the full radix sort, on
 * columns whose order is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { sortPresentRows } from '../../src/score/sorted-rows.js';

const everyRow = (n: number) => Uint32Array.from({ length: n }, (_, row) => row);

describe('sortPresentRows (65 values and more)', () => {
  it('sorts descending integers ascending, leaving out NaN, with −0 and +0 as one value in row order', () => {
    // Rows 0…69 hold 69, 68, …, 0 — except row 10 (was 59) is NaN, and row 69 (was 0) is −0.
    // Row 68 holds 1 and row 69 −0, so the order starts with row 69 (−0 = 0), then 68 (1), 67 (2)…
    const column = Float64Array.from({ length: 70 }, (_, row) => 69 - row);
    column[10] = Number.NaN;
    column[69] = -0;
    const sorted = sortPresentRows(column, everyRow(70));
    const expectedRows = [...Array(70).keys()].reverse().filter((row) => row !== 10);
    expect(Array.from(sorted.rows)).toEqual(expectedRows);
    expect(sorted.values.length).toBe(69);
    expect(Object.is(sorted.values[0], -0)).toBe(true); // the value as stored, not the key
    expect(sorted.values[1]).toBe(1);
    expect(sorted.values[68]).toBe(69);
  });

  it('orders values that share their high 32 bits by the low bits, ties in row order', () => {
    // a = 1 + 2⁻⁴⁰ and b = 1 + 2·2⁻⁴⁰ share sign, exponent and the top 20 mantissa bits with 1;
    // only the low word tells 1 < a < b. Rows: 0 → b, 1 → a, 2 → 1, 3 → a, 4 → b, then 65 rows of 2.
    const a = 1 + 2 ** -40;
    const b = 1 + 2 * 2 ** -40;
    const column = Float64Array.from([b, a, 1, a, b, ...Array(65).fill(2)]);
    const sorted = sortPresentRows(column, everyRow(70));
    // 1 (row 2), a (rows 1, 3), b (rows 0, 4), then the 2s in row order 5…69.
    expect(Array.from(sorted.rows.subarray(0, 5))).toEqual([2, 1, 3, 0, 4]);
    expect(Array.from(sorted.rows.subarray(5))).toEqual([...Array(65).keys()].map((k) => k + 5));
    expect(Array.from(sorted.values.subarray(0, 5))).toEqual([1, a, a, b, b]);
  });

  it('falls back to the full sort when most values differ only in their low bits, with the same result', () => {
    // 200 values 1 + k·2⁻⁴⁰ for k = 199…0 (descending): one run of equal high words, reversed,
    // so settling it by insertion would shift ~20,000 times; the order must still be k = 0…199.
    const column = Float64Array.from({ length: 200 }, (_, row) => 1 + (199 - row) * 2 ** -40);
    const sorted = sortPresentRows(column, everyRow(200));
    expect(Array.from(sorted.rows)).toEqual([...Array(200).keys()].reverse());
    expect(sorted.values[0]).toBe(1);
    expect(sorted.values[199]).toBe(1 + 199 * 2 ** -40);
  });

  it('orders negative values below positive ones and −∞ first, +∞ last', () => {
    // Rows 0…64 hold 32 − row (32 … −32); row 65 holds −∞ and row 66 +∞.
    const column = Float64Array.from([...Array.from({ length: 65 }, (_, row) => 32 - row), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    const sorted = sortPresentRows(column, everyRow(67));
    expect(Array.from(sorted.rows)).toEqual([65, ...[...Array(65).keys()].reverse(), 66]);
  });
});
