import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jsonThreads } from '../../src/cli/json-workers.js';
import type { ScoreTable } from '../../src/model/score-table.js';
import { fixtureTable } from './results-format-fixture.js';

/**
 * The fixture's rows repeated to 12,000, with 200 indicators: 12,000 × (3 × 3 nodes +
 * 2 × 200) = 4,908,000 numbers, past the 4 million where threads start by default. A batch is
 * ⌊50,000 / (9 + 400 + 2)⌋ = 121 rows, so the whole table is ⌈12,000 / 121⌉ = 100 batches.
 */
function wideTable(): ScoreTable {
  const base = fixtureTable();
  const template = base.framework.indicators[0];
  if (!template) throw new Error('fixture has an indicator');
  return {
    ...base,
    framework: { ...base.framework, indicators: Array.from({ length: 200 }, (_, i) => ({ ...template, id: `i${i}` })) },
    // Reporting order keeps a period's rows together: 6,000 rows of 2021, then 6,000 of 2022.
    order: Uint32Array.from({ length: 12_000 }, (_, i) => (i < 6_000 ? [5, 4, 6][i % 3] : [0, 1, 3, 2][i % 4]) ?? 0),
  };
}

describe('jsonThreads', () => {
  const table = wideTable();
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
