/**
 * Committing a wide file's converted records into the dataset (src/load/wide-commit.ts): rows
 * are committed first and the values copied afterwards, in blocks of 64 records. Each value must
 * land in its own row whatever was dropped before it: a duplicate row (not committed), a row
 * without a region (skipped), a ragged row (kept, its values missing).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../../src/load/file.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();

function file(path: string, content: string): LoadedFile {
  const bytes = new TextEncoder().encode(content);
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function column(dataset: Dataset | undefined, id: string): number[] {
  const indicator = framework.indicators.find((i) => i.id === id);
  if (!dataset || !indicator) throw new Error(`no dataset or no indicator ${id}`);
  return [...(dataset.values[indicator.index] ?? [])];
}

describe('commitWideRows', () => {
  it('puts each value in its row after a duplicate, a row without a region and a ragged row', async () => {
    const text = ['region,services,online_rate', '310000,1,2', '310000,5,6', '510000,3', ' ,9,9', '440000,7,8', ''].join('\n');
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('a.csv', text)], { threads: 1 });
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['row-duplicate', 'csv-field-count', 'region-empty']));
    // Line 3 repeats 310000: not committed, and the first 310000 is excluded; line 4 is ragged
    // (kept, values missing, excluded); line 5 has no region; line 6 takes the third row.
    expect(dataset?.region).toEqual(['310000', '510000', '440000']);
    expect(column(dataset, 'services')).toEqual([1, Number.NaN, 7]);
    expect(column(dataset, 'online_rate')).toEqual([2, Number.NaN, 8]);
    expect([...(dataset?.excluded ?? [])]).toEqual([1, 1, 0]);
  });

  it('keeps rows and values aligned across blocks of records, with rows dropped on both sides of a block boundary', async () => {
    // 150 records: the duplicate at record 63 and the region-less record at 64 straddle the
    // first block boundary (records 0–63 | 64–127); record 100 is ragged.
    const lines = ['region,services,online_rate'];
    for (let r = 0; r < 150; r++) {
      if (r === 63) lines.push('100005,999,999');
      else if (r === 64) lines.push(' ,888,888');
      else if (r === 100) lines.push(`${100000 + r},1`);
      else lines.push(`${100000 + r},${r},${r / 4}`);
    }
    const { dataset } = await parseSubmissions(framework, [file('b.csv', `${lines.join('\n')}\n`)], { threads: 1 });
    // Kept: records 0–62, 65–149 (148 rows); the region codes say which record each row is.
    const kept = [...Array(150).keys()].filter((r) => r !== 63 && r !== 64);
    expect(dataset?.region).toEqual(kept.map((r) => String(100000 + r)));
    // services = r and online_rate = r / 4 (e.g. record 65: 65 and 16.25), NaN on the ragged record 100.
    expect(column(dataset, 'services')).toEqual(kept.map((r) => (r === 100 ? Number.NaN : r)));
    expect(column(dataset, 'online_rate')).toEqual(kept.map((r) => (r === 100 ? Number.NaN : r / 4)));
  });
});
