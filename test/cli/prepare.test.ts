/**
 * `dgmi score` with data preparation, end to end: the fixture framework divides doctors by
 * population (per 10,000), screens units below 60% coverage and treats outliers with COINr's
 * rule. Expected numbers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const FW = 'test/fixtures/prepare/prep.yaml';
const data = (name: string) => `test/fixtures/prepare/${name}.csv`;

interface Preparation {
  denominated: string[];
  imputed: number;
  screen: { min_coverage: number | null; screened: { region: string; period: string | null; coverage: number }[] };
  treated: { indicator: string; method: string; points: number; values: { region: string; from: number; to: number }[] }[];
}

describe('dgmi score with preparation', () => {
  it('denominates, screens and treats, reports it in JSON, and says so in one stderr line', () => {
    const r = runDgmi(['score', FW, data('good'), '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { region: string; score: number | null; rank: number | null; indicators: Record<string, { value: number }> }[]; preparation: Preparation };
    // doctors per 10,000: R_i has 2i doctors per 20,000 people = i; online R10 = 100 is winsorised
    // to 9 (the largest other value); X has 1 of 3 values (coverage 1/3 < 0.6) and is screened.
    // R9: doctors (9 − 1)/9 = 88.89, online (9 − 1)/8 = 100, portal 88.89 → mean 92.59.
    const byRegion = new Map(out.results.map((x) => [x.region, x]));
    expect(byRegion.get('R9')?.score).toBeCloseTo((800 / 9 + 100 + 800 / 9) / 3, 10);
    expect(byRegion.get('R10')?.score).toBe(100);
    expect(byRegion.get('R10')?.indicators['online']?.value).toBe(9);
    expect(byRegion.get('R5')?.indicators['doctors']?.value).toBe(5);
    expect(byRegion.get('X')?.score).toBeNull();
    expect(byRegion.get('X')?.rank).toBeNull();
    expect(out.preparation).toEqual({
      denominated: ['doctors'],
      imputed: 0,
      screen: { min_coverage: 0.6, screened: [{ region: 'X', period: null, coverage: 1 / 3 }] },
      treated: [
        {
          indicator: 'online',
          period: null,
          method: 'winsorise',
          points: 1,
          skew: expect.any(Number),
          kurtosis: expect.any(Number),
          skew_after: expect.any(Number),
          kurtosis_after: expect.any(Number),
          passes: true,
          values: [{ region: 'R10', period: null, from: 100, to: 9 }],
        },
      ],
    });
    expect(r.stderr).toContain('unit-screened-out');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'dgmi: preparation: 1 indicator(s) denominated, 0 value(s) imputed, 1 unit(s) screened out, 1 point(s) winsorised in 1 indicator(s), 0 indicator(s) log-transformed',
    );
  });

  it('flags treated and screened units in the table and in CSV, in Chinese too', () => {
    const table = runDgmi(['score', FW, data('good'), '--lang', 'zh']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('数据预处理');
    expect(table.stdout).toContain('已筛除（覆盖率 33.3%）');
    expect(table.stdout).toContain('异常值处理：online');
    expect(table.stderr).toContain('dgmi: 数据预处理：1 个指标除以分母');
    const csv = runDgmi(['score', FW, data('good'), '--format', 'csv']);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('period,rank,region,name,group,score,tier,tier_name,services,screened,coverage,treated,imputed');
    expect(lines.find((l) => l.includes(',R10,'))?.endsWith(',false,,online,0')).toBe(true);
    expect(lines.find((l) => l.includes(',X,'))?.endsWith(`,true,${1 / 3},,0`)).toBe(true);
  });

  it('a zero denominator is a located error and exit 1; the unit is left unscored', () => {
    const r = runDgmi(['score', FW, data('zero-denominator'), '--format', 'json']);
    expect(r.status).toBe(1);
    // R3 is on line 4 of the file.
    expect(r.stderr).toMatch(/zero-denominator\.csv\n\s+4\s+error .*'population'.* denominator-value-invalid/u);
    const out = JSON.parse(r.stdout) as { results: { region: string; score: number | null }[] };
    expect(out.results.find((x) => x.region === 'R3')?.score).toBeNull();
  });

  it('a text denominator is a located cell error (line and column) and exit 1', () => {
    const r = runDgmi(['score', FW, data('text-denominator')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\s4:6\s+error .*cell-not-a-number/u);
  });

  it('a denominator column the data lacks is an error at the framework key, exit 1', () => {
    const r = runDgmi(['score', FW, data('no-denominator-column')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/prep\.yaml\n\s+15:22\s+error .*denominator-column-missing/u);
  });

  it('min_coverage outside (0, 1] and treat on a levels indicator are located framework errors (validate 1, score 2)', () => {
    const coverage = runDgmi(['validate', 'test/fixtures/prepare/bad-coverage.yaml']);
    expect(coverage.status).toBe(1);
    expect(coverage.stdout).toMatch(/4:25\s+error .*screen-coverage-not-share/u);
    const levels = runDgmi(['validate', 'test/fixtures/prepare/treat-levels.yaml']);
    expect(levels.status).toBe(1);
    expect(levels.stdout).toMatch(/11:16\s+error .*treat-on-categorical/u);
    const scored = runDgmi(['score', 'test/fixtures/prepare/bad-coverage.yaml', data('good')]);
    expect(scored.status).toBe(2);
    expect(scored.stderr).toContain('screen-coverage-not-share');
  });
});
