/**
 * Both sorts behind `sortPresentRows` (insertion up to 64 values, radix above) give exactly what a
 * stable numeric sort of the present values gives, ties in the order of `rows` — over any
 * subset of rows, with NaN (left out), repeated values and ±0 (one value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPresentRows } from '../../src/score/sorted-rows.js';

/** Few distinct values, so ties are common; plus any double. */
const cellValue = fc.oneof(fc.constantFrom(0, -0, 1, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY), fc.double());

describe('sortPresentRows', () => {
  it('equals a stable numeric sort of the present values, below and above the insertion-sort limit', () => {
    fc.assert(
      fc.property(
        fc.array(cellValue, { minLength: 1, maxLength: 300 }).chain((column) =>
          fc.tuple(fc.constant(column), fc.shuffledSubarray([...column.keys()], { minLength: 0, maxLength: column.length })),
        ),
        ([column, rows]) => {
          const sorted = sortPresentRows(Float64Array.from(column), Uint32Array.from(rows));
          // Array.prototype.sort is stable: ties keep their order in `rows`.
          const expected = rows.filter((row) => !Number.isNaN(column[row])).sort((a, b) => (column[a] ?? 0) - (column[b] ?? 0));
          expect(Array.from(sorted.rows)).toEqual(expected);
          expect(Array.from(sorted.values)).toEqual(expected.map((row) => column[row]));
        },
      ),
      { numRuns: 400 },
    );
  });
});
