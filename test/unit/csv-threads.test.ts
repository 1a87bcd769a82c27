import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { csvThreads } from '../../src/cli/csv-workers.js';
import { csvBatchRows, csvNumbersPerRow } from '../../src/report/results/csv.js';
import { plainPalette } from '../../src/report/palette.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { wideFixtureTable } from './results-format-fixture.js';

const options = (extra: Partial<ResultFormatOptions>): ResultFormatOptions => ({ lang: 'en', palette: plainPalette, toolVersion: '0.1.0', ...extra });

/**
 * 12,000 rows; the fixture has 3 groups (2 dimensions and a sub-group) and here 200 indicators.
 * A CSV row holds rank and score, then with the default `--detail groups` 3 group scores: 5
 * numbers, 60,000 in all; with `--detail indicators` also 2 × 200: 405 numbers, 4,860,000 in
 * all, past the 4 million where threads start by default. A batch is about 1 MiB of CSV:
 * ⌊1,048,576 / (40 + 18 × 405)⌋ = 143 rows, so ⌈12,000 / 143⌉ = 84 batches with every indicator;
 * ⌊1,048,576 / (40 + 18 × 5)⌋ = 8,065 rows, so 2 batches with the groups alone.
 */
describe('csvThreads', () => {
  const table = wideFixtureTable();
  const byDefault = availableParallelism() > 1 ? Math.min(availableParallelism(), 4) : 0;

  it('counts the numbers of a row and the rows of a batch as worked out above', () => {
    expect(csvNumbersPerRow(table, options({}))).toBe(5);
    expect(csvNumbersPerRow(table, options({ detail: 'indicators' }))).toBe(405);
    expect(csvNumbersPerRow(table, options({ detail: 'summary' }))).toBe(2);
    expect(csvBatchRows(405)).toBe(143);
    expect(csvBatchRows(5)).toBe(8065);
  });

  it('by default: threads only from 4 million numbers', () => {
    expect(csvThreads(table, options({}), undefined)).toBe(0);
    expect(csvThreads(table, options({ detail: 'indicators' }), undefined)).toBe(byDefault);
    // --top 10: 2 periods × 10 rows, one batch.
    expect(csvThreads(table, options({ detail: 'indicators', top: 10 }), undefined)).toBe(0);
  });

  it('--threads N: none at 1, and never more threads than batches', () => {
    expect(csvThreads(table, options({ detail: 'indicators' }), 1)).toBe(0);
    expect(csvThreads(table, options({ detail: 'indicators' }), 1000)).toBe(84);
    expect(csvThreads(table, options({}), 3)).toBe(2);
    expect(csvThreads(table, options({ detail: 'indicators', top: 10 }), 4)).toBe(0);
  });
});
