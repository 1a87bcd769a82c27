import { describe, expect, it } from 'vitest';
import { imputeColumn, presentMean, presentMedian } from '../../src/score/impute.js';
import { partitionRows } from '../../src/score/partition.js';

function column(values: readonly number[]) {
  return { values: Float64Array.from(values), rows: Uint32Array.from(values.keys()), imputed: new Uint8Array(values.length) };
}

describe('present statistics', () => {
  it('skip missing values', () => {
    const { values, rows } = column([1, NaN, 3, 8]);
    // (1 + 3 + 8)/3 = 4; median of 1, 3, 8 = 3.
    expect(presentMean(values, rows)).toBe(4);
    expect(presentMedian(values, rows)).toBe(3);
  });

  it('take the mean of the two middle values for an even count', () => {
    const { values, rows } = column([10, 2, NaN, 4, 1]);
    // Sorted present values 1, 2, 4, 10: (2 + 4)/2 = 3.
    expect(presentMedian(values, rows)).toBe(3);
  });

  it('are NaN when nothing is present', () => {
    const { values, rows } = column([NaN, NaN]);
    expect(presentMean(values, rows)).toBeNaN();
    expect(presentMedian(values, rows)).toBeNaN();
  });
});

describe('imputeColumn', () => {
  it('mean: fills from the present values and flags the cell', () => {
    const { values, rows, imputed } = column([1, NaN, 3, 8]);
    // mean (1 + 3 + 8)/3 = 4.
    const outcome = imputeColumn(values, rows, 'mean', imputed);
    expect(Array.from(values)).toEqual([1, 4, 3, 8]);
    expect(Array.from(imputed)).toEqual([0, 1, 0, 0]);
    expect(outcome).toEqual({ filled: 1, noValues: false, fallbackGroups: [] });
  });

  it('median: fills with the median', () => {
    const { values, rows, imputed } = column([1, NaN, 3, 8, NaN]);
    // median of 1, 3, 8 = 3.
    imputeColumn(values, rows, 'median', imputed);
    expect(Array.from(values)).toEqual([1, 3, 3, 8, 3]);
    expect(Array.from(imputed)).toEqual([0, 1, 0, 0, 1]);
  });

  it('only looks at the given rows (one period)', () => {
    const values = Float64Array.from([100, NaN, 2, NaN, 6]);
    const imputed = new Uint8Array(5);
    // Period rows 2, 3, 4: mean (2 + 6)/2 = 4; rows 0 and 1 belong to another period and stay as they are.
    imputeColumn(values, Uint32Array.from([2, 3, 4]), 'mean', imputed);
    expect(Array.from(values)).toEqual([100, NaN, 2, 4, 6]);
    expect(Array.from(imputed)).toEqual([0, 0, 0, 1, 0]);
  });

  it('group-mean: fills from the same group, falling back to the period mean for an empty group', () => {
    const groups = partitionRows(['east', 'east', 'east', 'west', 'west', 'north']);
    const { values, rows, imputed } = column([2, 4, NaN, 10, NaN, NaN]);
    // east mean (2 + 4)/2 = 3; west mean 10/1 = 10; north has no value: period mean (2 + 4 + 10)/3 = 16/3.
    const outcome = imputeColumn(values, rows, 'group-mean', imputed, { groupOf: groups.labelOf, count: groups.labels.length });
    expect(Array.from(values)).toEqual([2, 4, 3, 10, 10, 16 / 3]);
    expect(Array.from(imputed)).toEqual([0, 0, 1, 0, 1, 1]);
    expect(outcome.fallbackGroups.map((g) => groups.labels[g])).toEqual(['north']);
  });

  it('leaves cells missing when the period has no value at all', () => {
    const { values, rows, imputed } = column([NaN, NaN]);
    const outcome = imputeColumn(values, rows, 'mean', imputed);
    expect(outcome.noValues).toBe(true);
    expect(Array.from(values)).toEqual([NaN, NaN]);
    expect(Array.from(imputed)).toEqual([0, 0]);
  });

  it('needs the groups for group-mean (a programmer error otherwise)', () => {
    const { values, rows, imputed } = column([1, NaN]);
    expect(() => imputeColumn(values, rows, 'group-mean', imputed)).toThrow(/groups/);
  });
});
