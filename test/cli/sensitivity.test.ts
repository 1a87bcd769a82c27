/**
 * `dgmi sensitivity` end to end: the real executable on the default framework and the sample
 * submissions (31 provinces × 2 periods). Same seed ⇒ same bytes, for any thread count; bad
 * specs and options are located diagnostics with exit status 2 and nothing on stdout.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const samples = ['samples/provinces-2022.csv', ...readdirSync('samples/2021').map((f) => `samples/2021/${f}`)];
const fixture = (name: string) => `test/fixtures/sensitivity/${name}/uncertainty.yaml`;
/** Each case spawns the CLI a few times on 62 rows; a shared machine can make that slow. */
const SLOW = 120_000;
const run = (spec: string, ...extra: string[]) => runDgmi(['sensitivity', 'indicators/cn-dgdi.yaml', ...samples, '--spec', spec, ...extra]);

interface JsonRegion {
  region: string;
  period: string;
  rank: number;
  median_rank: number;
  p5_rank: number;
  p95_rank: number;
  mean_rank: number;
  scored_share: number;
  tier_probability: Record<string, number>;
}

describe('dgmi sensitivity', () => {
  it('JSON: rank statistics for every region, intervals around the median, tier probabilities summing to 1', () => {
    const result = run(fixture('good'), '--format', 'json', '--lang', 'en');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { format: string; replications: number; results: JsonRegion[]; tiers: string[]; assumptions: { kind: string }[] };
    expect(doc.format).toBe('dgmi-sensitivity-result/1');
    expect(doc.replications).toBe(60);
    expect(doc.assumptions.map((a) => a.kind)).toEqual(['weights', 'normalise', 'aggregate', 'missing']);
    expect(doc.results).toHaveLength(62);
    for (const r of doc.results) {
      expect(r.p5_rank).toBeLessThanOrEqual(r.median_rank);
      expect(r.median_rank).toBeLessThanOrEqual(r.p95_rank);
      expect(r.p5_rank).toBeGreaterThanOrEqual(1);
      expect(r.p95_rank).toBeLessThanOrEqual(31);
      expect(r.scored_share).toBe(1);
      const total = Object.values(r.tier_probability).reduce((s, p) => s + p, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    // The assumptions move ranks: some region's interval is wider than one rank.
    expect(doc.results.some((r) => r.p95_rank - r.p5_rank >= 2)).toBe(true);
  }, SLOW);

  it('same seed ⇒ byte-identical output for --threads 1 and --threads 4 (uncertainty)', () => {
    const one = run(fixture('good'), '--format', 'json', '--threads', '1');
    const four = run(fixture('good'), '--format', 'json', '--threads', '4');
    expect(one.status).toBe(0);
    expect(four.stdout).toBe(one.stdout);
    // Another seed, other draws.
    expect(run(fixture('good'), '--format', 'json', '--seed', '8').stdout).not.toBe(one.stdout);
  }, SLOW);

  it('same seed ⇒ byte-identical output for --threads 1 and --threads 4 (sobol)', () => {
    const one = run(fixture('good'), '--method', 'sobol', '--runs', '20', '--format', 'json', '--threads', '1');
    const four = run(fixture('good'), '--method', 'sobol', '--runs', '20', '--format', 'json', '--threads', '4');
    expect(one.status).toBe(0);
    expect(four.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout) as { replications: number; assumptions: { sobol: { first: number; total: number } | null }[] };
    expect(doc.replications).toBe(20 * (4 + 2)); // N × (k + 2)
    expect(doc.assumptions.every((a) => a.sobol !== null && Number.isFinite(a.sobol.total))).toBe(true);
  }, SLOW);

  it('table (default) and markdown in Chinese; CSV with a header of ids; nothing but the product on stdout', () => {
    const table = run(fixture('good'), '--lang', 'zh');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('排名的不确定性');
    expect(table.stdout).toContain('2022 — 中国数字政府发展指数');
    expect(table.stdout).toMatch(/[━●]/u);
    const markdown = run(fixture('good'), '--format', 'markdown', '--lang', 'en');
    expect(markdown.stdout).toContain('| Rank | Region | Score | Tier | Median | 5–95% | Mean |');
    const csv = run(fixture('good'), '--format', 'csv');
    const [header, first] = csv.stdout.split('\r\n');
    expect(header).toBe('period,rank,region,name,group,score,tier,mean_rank,median_rank,p5_rank,p95_rank,scored_share,p_leading,p_quality,p_distinctive,p_developing');
    expect(first?.startsWith('2021,1,')).toBe(true);
    expect(csv.stderr).not.toMatch(/sensitivity \[/u); // no progress bar off a terminal
  }, SLOW);

  it('an unknown assumption: located diagnostic with a suggestion, exit 2, empty stdout', () => {
    const result = run(fixture('bad-unknown-assumption'), '--lang', 'en');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/3:3\s+error\s+Unknown field 'weighting'.*schema-unknown-field/u);
  }, SLOW);

  it('noise outside [0, 1), a normalisation the framework cannot use, winsorisation limits on an untreated framework: exit 2', () => {
    const noise = run(fixture('bad-noise'), '--lang', 'en');
    expect(noise.status).toBe(2);
    expect(noise.stderr).toMatch(/3:26\s+error\s+'noise' is 1\.5, outside \[0, 1\)\s+sensitivity-out-of-range/u);
    const normalise = run(fixture('bad-normalise'), '--lang', 'en');
    expect(normalise.status).toBe(2);
    expect(normalise.stderr).toMatch(/2:26\s+error.*sensitivity-normalise-unusable/u);
    const winsorise = run(fixture('winsorise'), '--lang', 'en');
    expect(winsorise.status).toBe(2);
    expect(winsorise.stderr).toMatch(/2:3\s+error.*sensitivity-winsorise-untreated/u);
  }, SLOW);

  it('--runs 0 and a bad --seed: diagnostics located at the option, exit 2', () => {
    const result = run(fixture('good'), '--runs', '0', '--seed', 'x', '--lang', 'en');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("--runs '0' is not a whole number from 1 to 10000000");
    expect(result.stderr).toContain("--seed 'x' is not a whole number from 0 to 4294967295");
  }, SLOW);

  it('a missing spec file: exit 2', () => {
    const result = run('test/fixtures/sensitivity/none.yaml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('file-not-found');
  }, SLOW);
});
