/**
 * Invariant: how submissions are split into files and in which order their rows come does not
 * change any region's result — the merge keys rows by (region, period), and every statistic is
 * order-free.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type LoadedFile } from '../../src/load/file.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import { toResults } from '../../src/report/results/objects.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const framework = resolveFramework({
  format: 'dgmi/1',
  id: 'p',
  name: { en: 'P' },
  dimensions: [
    { id: 'd1', name: { en: 'D1' }, weight: 2, indicators: [{ id: 'x', name: { en: 'X' } }, { id: 'y', name: { en: 'Y' }, direction: 'negative', normalise: 'rank' }] },
    { id: 'd2', name: { en: 'D2' }, indicators: [{ id: 'z', name: { en: 'Z' }, normalise: 'zscore', missing: 'mean' }] },
  ],
  tiers: { levels: [{ id: 'a', name: { en: 'A' }, rule: { percentile: { min: 0.5 } } }, { id: 'b', name: { en: 'B' }, rule: 'otherwise' }] },
});

const HEADER = 'region,period,x,y,z';
const cell = fc.oneof(fc.integer({ min: 0, max: 1000 }).map(String), fc.constant(''));

const rowsArb = fc
  .uniqueArray(fc.integer({ min: 100000, max: 999999 }), { minLength: 2, maxLength: 25 })
  .chain((codes) =>
    fc.tuple(
      fc.constant(codes),
      fc.array(fc.tuple(fc.constantFrom('2021', '2022'), cell, cell, cell), { minLength: codes.length, maxLength: codes.length }),
    ),
  )
  .map(([codes, cells]) => codes.map((code, i) => { const [period, x, y, z] = cells[i]!; return `${code},${period},${x},${y},${z}`; }));

function file(name: string, lines: readonly string[]): LoadedFile {
  const bytes = new TextEncoder().encode(`${HEADER}\n${lines.join('\n')}\n`);
  return { path: name, bytes, sha256: sha256Hex(bytes) };
}

async function resultsOf(files: readonly LoadedFile[]) {
  const { dataset } = await parseSubmissions(framework, files);
  const table = score(framework, dataset!);
  // Keyed by region and period, without provenance (which names the files).
  return toResults(table)
    .map((r) => JSON.stringify(r))
    .sort();
}

describe('file split and row order', () => {
  it('do not change any region’s results', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 1, max: 4 }), fc.integer(), async (lines, parts, seed) => {
        const whole = await resultsOf([file('all.csv', lines)]);
        // Deterministic shuffle from the seed, then deal the rows into `parts` files.
        const shuffled = [...lines].map((l, i) => [((seed ^ (i * 2654435761)) >>> 0) % 997, l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);
        const split = Array.from({ length: parts }, (_, p) => file(`part${p}.csv`, shuffled.filter((_, i) => i % parts === p)));
        expect(await resultsOf(split.filter((f) => f.bytes.length > HEADER.length + 1))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
