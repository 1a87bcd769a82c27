/**
 * indicators/egdi.yaml scored on three made-up countries, computed by hand.
 *
 * z-score then min–max equals plain min–max (z is an increasing affine map of x), so each
 * indicator below is (x − min)/(max − min):
 *   internet 90/60/30 → 1, .5, 0   mobile 120/100/80 → 1, .5, 0   broadband 100/50/0 → 1, .5, 0
 *   fixed 40/10/20 → 1, 0, 1/3                                     TII = mean: 1, .375, 1/12
 *   literacy 99/90/60 → 1, 30/39, 0   enrolment 95/80/50 → 1, 2/3, 0   expected 18/12/9 → 1, 1/3, 0
 *   mean years 13/8/3 → 1, .5, 0     HCI = (3·lit + 2·enr + 2·exp + 2·mys)/9: 1, 23/39, 0
 *   (B: (90/39 + 4/3 + 2/3 + 1)/9 = (30/13 + 3)/9 = 69/117 = 23/39)
 *   OSI as given: .9, .5, .2
 * EGDI = (OSI + TII + HCI)/3: A (0.9 + 1 + 1)/3 = 0.96667 (very high);
 *   B (0.5 + 0.375 + 23/39)/3 = 0.48825 (middle, below 0.5); C (0.2 + 1/12 + 0)/3 = 0.09444 (low).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrameworkText } from '../../src/load/framework.js';
import { sha256Hex } from '../../src/load/file.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import { toResults } from '../../src/report/results/objects.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';

const csv = `region,online_service_index,internet_users,mobile_subscriptions,mobile_broadband,fixed_broadband,adult_literacy,gross_enrolment,expected_schooling,mean_schooling
A,0.9,90,120,100,40,99,95,18,13
B,0.5,60,100,50,10,90,80,12,8
C,0.2,30,80,0,20,60,50,9,3
`;

describe('indicators/egdi.yaml end to end', () => {
  it('scores three countries as computed by hand', async () => {
    const { framework, diagnostics } = parseFrameworkText(readFileSync(new URL('../../indicators/egdi.yaml', import.meta.url), 'utf8'), 'egdi.yaml');
    expect(diagnostics).toEqual([]);
    const bytes = new TextEncoder().encode(csv);
    const { dataset } = await parseSubmissions(framework!, [{ path: 'egdi.csv', bytes, sha256: sha256Hex(bytes) }]);
    const results = toResults(score(framework!, dataset!));
    const by = new Map(results.map((r) => [r.region, r]));
    expect(by.get('A')?.nodes['tii']?.score).toBeCloseTo(1, 12);
    expect(by.get('B')?.nodes['tii']?.score).toBeCloseTo(0.375, 12);
    expect(by.get('C')?.nodes['tii']?.score).toBeCloseTo(1 / 12, 12);
    expect(by.get('B')?.nodes['hci']?.score).toBeCloseTo(23 / 39, 12);
    expect(by.get('A')?.score).toBeCloseTo(2.9 / 3, 12);
    expect(by.get('B')?.score).toBeCloseTo((0.5 + 0.375 + 23 / 39) / 3, 12);
    expect(by.get('C')?.score).toBeCloseTo((0.2 + 1 / 12) / 3, 12);
    expect(results.map((r) => [r.region, r.rank, r.tier])).toEqual([
      ['A', 1, 'very_high'],
      ['B', 2, 'middle'],
      ['C', 3, 'low'],
    ]);
  });

  // z-score then min–max equals min–max, so the case above cannot tell a z-score bug from a
  // min–max one. Kept as z-scores (rescale: none), the TII indicators show the mean and the
  // sample sd (n − 1) themselves:
  //   internet 90/60/30:   mean 60, sd √((30² + 0 + 30²)/2) = 30  → z 1, 0, −1
  //   mobile 120/100/80:   mean 100, sd √((20² + 0 + 20²)/2) = 20 → z 1, 0, −1
  //   broadband 100/50/0:  mean 50, sd √((50² + 0 + 50²)/2) = 50  → z 1, 0, −1
  //   fixed 40/10/20:      mean 70/3, deviations 50/3, −40/3, −10/3, squares (2500 + 1600 + 100)/9 = 1400/3,
  //                        sd √(1400/3 / 2) = √(700/3) → z 50/√2100 = 5/√21, −4/√21, −1/√21
  //   TII = mean of the four: A (3 + 5/√21)/4 = 1.022772, B (−4/√21)/4 = −1/√21 = −0.218218,
  //                           C (−3 − 1/√21)/4 = −0.804554
  // (A population sd, n, would give internet z ±1.2247 and TII A 1.2527 instead.)
  it('keeps z-scores unscaled under zscore { rescale: none }: mean and sample sd by hand', async () => {
    const text = readFileSync(new URL('../../indicators/egdi.yaml', import.meta.url), 'utf8');
    const lines = text.split('\n');
    const tiiStart = lines.findIndex((line) => line.includes('- id: tii'));
    const tiiEnd = lines.findIndex((line, i) => i > tiiStart && /^  - id: /u.test(line));
    expect(tiiStart).toBeGreaterThan(0);
    expect(tiiEnd).toBeGreaterThan(tiiStart);
    const unscaled = lines
      .map((line, i) => (i > tiiStart && i < tiiEnd ? line.replace('{ method: zscore, rescale: minmax }', '{ method: zscore, rescale: none }') : line))
      .join('\n');
    expect(unscaled.match(/rescale: none/gu)).toHaveLength(4);
    const { framework, diagnostics } = parseFrameworkText(unscaled, 'egdi-z.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bytes = new TextEncoder().encode(csv);
    const { dataset } = await parseSubmissions(framework!, [{ path: 'egdi.csv', bytes, sha256: sha256Hex(bytes) }]);
    const table = score(framework!, dataset!);
    const row = (region: string) => table.dataset.region.indexOf(region);
    const z = (id: string) => [row('A'), row('B'), row('C')].map((r) => table.indicators.get(id)?.normalised[r] ?? NaN);
    const r21 = Math.sqrt(21);
    for (const id of ['internet_users', 'mobile_subscriptions', 'mobile_broadband']) {
      z(id).forEach((value, i) => expect(value).toBeCloseTo([1, 0, -1][i] ?? NaN, 12));
    }
    z('fixed_broadband').forEach((value, i) => expect(value).toBeCloseTo([5 / r21, -4 / r21, -1 / r21][i] ?? NaN, 12));
    const tii = table.nodes.get('tii')?.score;
    expect(tii?.[row('A')]).toBeCloseTo((3 + 5 / r21) / 4, 12);
    expect(tii?.[row('B')]).toBeCloseTo(-1 / r21, 12);
    expect(tii?.[row('C')]).toBeCloseTo((-3 - 1 / r21) / 4, 12);
  });
});
