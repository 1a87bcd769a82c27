import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Dataset } from '../../src/model/dataset.js';
import { FrameworkSchema } from '../../src/model/framework.js';
import type { ResolvedFramework, ResolvedGroup, ResolvedIndicator } from '../../src/model/resolved.js';
// Imported statically: a broken or renamed engine fails this file instead of skipping the HDI case.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

function loadReference(file: string): ResolvedFramework {
  const text = readFileSync(new URL(`../../indicators/${file}`, import.meta.url), 'utf8');
  return resolveFramework(FrameworkSchema.parse(parse(text)), { file: `indicators/${file}` });
}

function group(fw: ResolvedFramework, id: string): ResolvedGroup {
  const node = fw.nodeById.get(id);
  if (node?.kind !== 'group') throw new Error(`no group '${id}'`);
  return node;
}

function indicator(fw: ResolvedFramework, id: string): ResolvedIndicator {
  const node = fw.nodeById.get(id);
  if (node?.kind !== 'indicator') throw new Error(`no indicator '${id}'`);
  return node;
}

const childIds = (g: ResolvedGroup) => g.children.map((c) => c.id);

describe('indicators/hdi.yaml (UNDP HDI, 2010+ method)', () => {
  const hdi = loadReference('hdi.yaml');

  it('combines three equally weighted dimensions by the geometric mean on [0, 1]', () => {
    expect(hdi.id).toBe('undp-hdi');
    expect(hdi.scale).toBe(1);
    expect(hdi.precision).toBe(3);
    expect(hdi.aggregate).toBe('geometric');
    expect(hdi.dimensions.map((d) => d.id)).toEqual(['health', 'education', 'income']);
    // Weights 1 : 1 : 1 → shares 1/3 each.
    for (const d of hdi.dimensions) expect(d.share).toBeCloseTo(1 / 3, 15);
    expect(hdi.source).toMatch(/hdr2021-22_technical_notes/);
  });

  it('uses the HDR goalposts, the education mean and the log of income', () => {
    expect(indicator(hdi, 'life_expectancy').normalise).toEqual({ method: 'goalpost', min: 20, max: 85, clip: true });
    expect(indicator(hdi, 'life_expectancy').transform).toBe('none');

    const education = group(hdi, 'education');
    expect(education.aggregate).toBe('arithmetic');
    expect(childIds(education)).toEqual(['expected_schooling', 'mean_schooling']);
    // Two indicators of weight 1 → 1/2 each.
    expect(education.children.map((c) => c.share)).toEqual([0.5, 0.5]);
    expect(indicator(hdi, 'expected_schooling').normalise).toEqual({ method: 'goalpost', min: 0, max: 18, clip: true });
    expect(indicator(hdi, 'mean_schooling').normalise).toEqual({ method: 'goalpost', min: 0, max: 15, clip: true });

    const gni = indicator(hdi, 'gni_per_capita');
    expect(gni.transform).toBe('log');
    expect(gni.normalise).toEqual({ method: 'goalpost', min: 100, max: 75000, clip: true });
    expect(gni.path).toEqual(['income']);
  });

  it('refuses to score a country with a missing component, as the HDR does', () => {
    expect(hdi.indicators.map((i) => i.missing)).toEqual(['fail', 'fail', 'fail', 'fail']);
  });

  it('tiers by the HDR cut-offs 0.800, 0.700 and 0.550', () => {
    expect(hdi.tiers?.method).toBe('rules');
    expect(hdi.tiers?.levels.map((l) => [l.id, l.rule])).toEqual([
      ['very_high', { kind: 'score', bounds: { min: 0.8 } }],
      ['high', { kind: 'score', bounds: { min: 0.7 } }],
      ['medium', { kind: 'score', bounds: { min: 0.55 } }],
      ['low', { kind: 'otherwise' }],
    ]);
  });
});

describe('indicators/egdi.yaml (EGDI-style equal thirds)', () => {
  const egdi = loadReference('egdi.yaml');

  it('averages OSI, TII and HCI with equal weights', () => {
    expect(egdi.scale).toBe(1);
    expect(egdi.aggregate).toBe('arithmetic');
    expect(egdi.dimensions.map((d) => [d.id, d.weight])).toEqual([
      ['osi', 1],
      ['tii', 1],
      ['hci', 1],
    ]);
    for (const d of egdi.dimensions) expect(d.share).toBeCloseTo(1 / 3, 15);
  });

  it('takes the OSI as already normalised', () => {
    const osi = group(egdi, 'osi');
    expect(childIds(osi)).toEqual(['online_service_index']);
    expect(indicator(egdi, 'online_service_index').normalise).toEqual({ method: 'none' });
    expect(indicator(egdi, 'online_service_index').range).toEqual([0, 1]);
  });

  it('builds the TII from four telecom indicators by z-score, rescaled min–max, equally weighted', () => {
    const tii = group(egdi, 'tii');
    expect(childIds(tii)).toEqual(['internet_users', 'mobile_subscriptions', 'mobile_broadband', 'fixed_broadband']);
    for (const child of tii.children) {
      expect(indicator(egdi, child.id).normalise).toEqual({ method: 'zscore', rescale: 'minmax' });
      // 4 indicators of weight 1 → 1/4 each.
      expect(child.share).toBe(0.25);
    }
  });

  it('weights the HCI 1/3, 2/9, 2/9, 2/9 as the UN does', () => {
    const hci = group(egdi, 'hci');
    expect(childIds(hci)).toEqual(['adult_literacy', 'gross_enrolment', 'expected_schooling', 'mean_schooling']);
    // Weights 3, 2, 2, 2 sum to 9: shares 3/9 = 1/3 and 2/9.
    const shares = hci.children.map((c) => c.share);
    [1 / 3, 2 / 9, 2 / 9, 2 / 9].forEach((expected, i) => expect(shares[i]).toBeCloseTo(expected, 15));
    for (const child of hci.children) expect(indicator(egdi, child.id).normalise).toEqual({ method: 'zscore', rescale: 'minmax' });
  });

  it('tiers by the Survey groups 0.75, 0.50 and 0.25', () => {
    expect(egdi.tiers?.levels.map((l) => [l.id, l.rule])).toEqual([
      ['very_high', { kind: 'score', bounds: { min: 0.75 } }],
      ['high', { kind: 'score', bounds: { min: 0.5 } }],
      ['middle', { kind: 'score', bounds: { min: 0.25 } }],
      ['low', { kind: 'otherwise' }],
    ]);
  });
});

describe('HDI end to end', () => {
  // HDR 2021/2022, Table 1 (2021 values): life expectancy, expected schooling, mean schooling,
  // GNI per capita (2017 PPP $). India's mean schooling and GNI at the precision of the HDR
  // data file (Table 1 prints 6.7 and 6,590, from which the HDI would round to 0.634).
  const countries = [
    { region: 'NOR', name: 'Norway', values: [83.2, 18.2, 13.0, 64660] },
    { region: 'IND', name: 'India', values: [67.2, 11.9, 6.65, 6589.98] },
    { region: 'TCD', name: 'Chad', values: [52.5, 8.0, 2.6, 1364] },
  ];

  it('reproduces the published HDI of Norway (0.961), India (0.633) and Chad (0.394)', () => {
    const hdi = loadReference('hdi.yaml');
    const n = countries.length;
    const dataset: Dataset = {
      rowCount: n,
      region: countries.map((c) => c.region),
      name: countries.map((c) => c.name),
      group: countries.map(() => ''),
      period: countries.map(() => '2021'),
      // Indicator order in the file: life_expectancy, expected_schooling, mean_schooling, gni_per_capita.
      values: hdi.indicators.map((ind) => Float64Array.from(countries.map((c) => c.values[ind.index] ?? Number.NaN))),
      sources: countries.map((_, i) => ({ file: 'hdr2021-22.csv', line: i + 2 })),
      inputs: [{ path: 'hdr2021-22.csv', sha256: '' }],
    };
    const table = score(hdi, dataset);
    const node = (id: string) => table.nodes.get(id)?.score ?? new Float64Array(n).fill(Number.NaN);

    // Health = (LE − 20)/65:      NOR 63.2/65 = 0.972308   IND 47.2/65 = 0.726154   TCD 32.5/65 = 0.5
    // Education = (EYS/18 + MYS/15)/2:
    //   NOR (min(18.2/18, 1) = 1 + 13/15 = 0.866667)/2 = 0.933333
    //   IND (11.9/18 = 0.661111 + 6.65/15 = 0.443333)/2 = 0.552222
    //   TCD (8/18 = 0.444444 + 2.6/15 = 0.173333)/2 = 0.308889
    // Income = ln(GNI/100)/ln(750), ln 750 = 6.620073:
    //   NOR ln 646.6 = 6.471728 → 0.977592   IND ln 65.8998 = 4.188135 → 0.632642   TCD ln 13.64 = 2.613007 → 0.394710
    // HDI = cube root of the product:
    //   NOR (0.972308 · 0.933333 · 0.977592)^(1/3) = 0.960873 → 0.961
    //   IND (0.726154 · 0.552222 · 0.632642)^(1/3) = 0.633043 → 0.633
    //   TCD (0.5 · 0.308889 · 0.394710)^(1/3)      = 0.393565 → 0.394
    const health = [63.2 / 65, 47.2 / 65, 32.5 / 65];
    const education = [(1 + 13 / 15) / 2, (11.9 / 18 + 6.65 / 15) / 2, (8 / 18 + 2.6 / 15) / 2];
    const income = [64660, 6589.98, 1364].map((g) => Math.log(g / 100) / Math.log(750));
    for (let i = 0; i < n; i++) {
      expect(node('health')[i]).toBeCloseTo(health[i] ?? NaN, 12);
      expect(node('education')[i]).toBeCloseTo(education[i] ?? NaN, 12);
      expect(node('income')[i]).toBeCloseTo(income[i] ?? NaN, 12);
    }
    // precision: 3 rounds the composite, so the published values come out exactly.
    expect([...table.composite.score]).toEqual([0.961, 0.633, 0.394]);
    expect([...table.composite.rank]).toEqual([1, 2, 3]);
    // Cut-offs: 0.961 ≥ 0.8 → very_high (0); 0.55 ≤ 0.633 < 0.7 → medium (2); 0.394 < 0.55 → low (3).
    expect([...table.tier]).toEqual([0, 2, 3]);
    expect(table.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
