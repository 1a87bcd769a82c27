import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jsonThreads } from '../../src/cli/json-workers.js';
import { wideFixtureTable } from './results-format-fixture.js';

/**
 * 12,000 × (3 × 3 nodes + 2 × 200) = 4,908,000 numbers, past the 4 million where threads start
 * by default. A batch is ⌊50,000 / (9 + 400 + 2)⌋ = 121 rows, so the whole table is
 * ⌈12,000 / 121⌉ = 100 batches.
 */

describe('jsonThreads', () => {
  const table = wideFixtureTable();
  const byDefault = availableParallelism() > 1 ? Math.min(availableParallelism(), 4) : 0;

  it('by default: threads for a large table, none in one thread for the few rows --top or --period leave', () => {
    expect(jsonThreads(table, {}, undefined)).toBe(byDefault);
    // --top 10: 2 periods × 10 rows = 20 rows, 8,180 numbers — one batch, not worth a thread.
    expect(jsonThreads(table, { top: 10 }, undefined)).toBe(0);
    expect(jsonThreads(table, { period: '1999' }, undefined)).toBe(0);
  });

  it('--threads N: none at 1, and never more threads than there are batches to write', () => {
    expect(jsonThreads(table, {}, 1)).toBe(0);
    expect(jsonThreads(table, {}, 3)).toBe(3);
    expect(jsonThreads(table, {}, 1000)).toBe(100);
    // 20 rows are one batch: a thread would only copy the columns and wait.
    expect(jsonThreads(table, { top: 10 }, 4)).toBe(0);
    expect(jsonThreads(table, { period: '1999' }, 4)).toBe(0);
  });
});
