/** `dgmi audit` end to end: formats, --fail-on warning for CI, --lang, --period, exit statuses. */
import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const FW = 'test/fixtures/prepare/prep.yaml';
const GOOD = 'test/fixtures/prepare/good.csv';

describe('dgmi audit', () => {
  it('prints the audit as a table and exits 0 when nothing reaches --fail-on (default: error)', () => {
    const r = runDgmi(['audit', FW, GOOD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Audit of prep — 10 scored unit(s)');
    expect(r.stdout).toContain("Cronbach's α");
    // doctors (per 10,000 = 1..10) and portal (1..10) correlate at r = 1 among the scored units.
    expect(r.stdout).toContain('doctors–portal (1.00)');
    expect(r.stderr).toContain('audit-pair-redundant');
  });

  it('--fail-on warning exits 1 on a flagged framework (the CI gate)', () => {
    const r = runDgmi(['audit', FW, GOOD, '--fail-on', 'warning', '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { format: string; scored_units: number; indicators: { id: string; coverage: number }[]; diagnostics: { code: string }[] };
    expect(doc.format).toBe('dgmi-audit/1');
    // X was screened out: the 10 units left are scored, and the statistics are over them.
    expect(doc.scored_units).toBe(10);
    expect(doc.indicators.find((i) => i.id === 'doctors')?.coverage).toBe(1);
    expect(doc.diagnostics.map((d) => d.code)).toContain('audit-pair-redundant');
  });

  it('csv and markdown, and Chinese labels with --lang zh', () => {
    const csv = runDgmi(['audit', FW, GOOD, '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'kind,id,parent,period,units,count,coverage,min,max,mean,sd,skew,kurtosis,outlier_fires,treatment,points,r_parent,r_index,alpha,pc1_share,redundant_with',
    );
    const md = runDgmi(['audit', FW, GOOD, '--format', 'markdown', '--lang', 'zh']);
    expect(md.stdout).toContain('| 指标 | 覆盖率 |');
    expect(md.stderr).toContain('相关系数');
  });

  it('an unknown --period is a usage error (2); an invalid framework too', () => {
    expect(runDgmi(['audit', FW, GOOD, '--period', '1999']).status).toBe(2);
    expect(runDgmi(['audit', 'test/fixtures/prepare/bad-coverage.yaml', GOOD]).status).toBe(2);
  });

  it('data errors exit 1', () => {
    expect(runDgmi(['audit', FW, 'test/fixtures/prepare/zero-denominator.csv']).status).toBe(1);
  });
});
