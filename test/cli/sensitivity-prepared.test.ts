/**
 * `dgmi sensitivity` end to end on a framework that prepares its data (test/fixtures/prepare:
 * denominator, screening, treatment) with the winsorisation-limit assumption: exit 0, the
 * screened unit unscored in every replication, the limit named in both languages, and the same
 * bytes for any thread count.
 */
import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const SLOW = 120_000;
const run = (...extra: string[]) =>
  runDgmi(['sensitivity', 'test/fixtures/prepare/prep.yaml', 'test/fixtures/prepare/good.csv', '--spec', 'test/fixtures/sensitivity/prepared/uncertainty.yaml', ...extra]);

interface JsonRegion {
  region: string;
  rank: number | null;
  median_rank: number | null;
  scored_share: number;
}

describe('dgmi sensitivity on a prepared framework', () => {
  it('JSON: the winsorise assumption is drawn; X, screened out, is never scored', () => {
    const result = run('--format', 'json', '--lang', 'en');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { replications: number; results: JsonRegion[]; assumptions: { kind: string; options: string[] }[] };
    expect(doc.replications).toBe(40);
    expect(doc.assumptions.map((a) => [a.kind, a.options])).toEqual([
      ['weights', ['indicators:0.2']],
      ['winsorise', ['0', '1']],
    ]);
    const x = doc.results.find((r) => r.region === 'X');
    expect(x?.rank).toBeNull();
    expect(x?.scored_share).toBe(0);
    expect(x?.median_rank).toBeNull();
    // The ten other regions are scored in every replication.
    expect(doc.results.filter((r) => r.scored_share === 1)).toHaveLength(10);
    expect(result.stderr).toContain('unit-screened-out');
  }, SLOW);

  it('sobol: the limit is named in Chinese; --threads 1 and --threads 2 give the same bytes', () => {
    const one = run('--method', 'sobol', '--runs', '16', '--lang', 'zh', '--threads', '1');
    const two = run('--method', 'sobol', '--runs', '16', '--lang', 'zh', '--threads', '2');
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('缩尾点数上限');
    expect(two.stdout).toBe(one.stdout);
  }, SLOW);
});
