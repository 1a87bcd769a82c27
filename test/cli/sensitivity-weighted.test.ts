/**
 * `dgmi sensitivity` end to end on a framework with derived and AHP weights and a TOPSIS group
 * (test/fixtures/weights/entropy.yaml: AHP on the dimensions, entropy in one, CRITIC + TOPSIS in
 * the other). Before the weighting step was used, replications of such a framework were wrong
 * (derived weights ignored) or crashed (TOPSIS); now: exit 0, the assumptions act, every region
 * is scored in every replication, and the same bytes for any thread count.
 */
import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const SLOW = 120_000;
const run = (...extra: string[]) =>
  runDgmi(['sensitivity', 'test/fixtures/weights/entropy.yaml', 'test/fixtures/weights/data.csv', '--spec', 'test/fixtures/sensitivity/weighted/uncertainty.yaml', ...extra]);

interface JsonRegion {
  region: string;
  rank: number | null;
  median_rank: number | null;
  p5_rank: number | null;
  p95_rank: number | null;
  scored_share: number;
}

describe('dgmi sensitivity on derived weights and TOPSIS', () => {
  it('JSON: exit 0, ranks move under the assumptions, every region scored every time', () => {
    const result = run('--format', 'json', '--lang', 'en');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { replications: number; mean_rank_shift: number; results: JsonRegion[] };
    expect(doc.replications).toBe(40);
    expect(doc.mean_rank_shift).toBeGreaterThan(0);
    expect(doc.results).toHaveLength(4);
    for (const region of doc.results) {
      expect(region.scored_share).toBe(1);
      expect(region.p5_rank!).toBeLessThanOrEqual(region.median_rank!);
      expect(region.median_rank!).toBeLessThanOrEqual(region.p95_rank!);
    }
    expect(doc.results.some((r) => r.p5_rank !== r.p95_rank)).toBe(true);
  }, SLOW);

  it('--threads 1 and --threads 2 give the same bytes', () => {
    const one = run('--format', 'csv', '--threads', '1');
    const two = run('--format', 'csv', '--threads', '2');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  }, SLOW);
});
