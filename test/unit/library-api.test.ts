/**
 * The library entry point runs the same pipeline as the CLI, and the shipped samples reproduce
 * the published 2020 gradient under the default framework (the requirement the samples were
 * generated for): 沪浙京粤 leading, 川闽黔鲁 quality, 赣苏津鄂琼 distinctive, the rest developing.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFramework, loadSubmissions, score, toResults } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const samples2021 = readdirSync(`${root}samples/2021`).map((f) => `${root}samples/2021/${f}`);

describe('library API on the shipped samples', async () => {
  const { framework, diagnostics } = await loadFramework(`${root}indicators/cn-dgdi.yaml`);
  it('loads the default framework without findings', () => {
    expect(diagnostics).toEqual([]);
    expect(framework).toBeDefined();
  });
  const loaded = await loadSubmissions(framework!, [...samples2021, `${root}samples/provinces-2022.csv`]);
  const table = score(framework!, loaded.dataset!);
  const results = toResults(table);

  it('reads every sample file without a finding', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(table.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(table.periods).toEqual(['2021', '2022']);
    expect(results.filter((r) => r.period === '2021')).toHaveLength(31);
    expect(results.filter((r) => r.period === '2022')).toHaveLength(31);
  });

  it('reproduces the published 2020 gradient in 2022', () => {
    const y2022 = results.filter((r) => r.period === '2022');
    const byTier = (tier: string) => y2022.filter((r) => r.tier === tier).map((r) => r.name);
    expect(byTier('leading')).toEqual(['上海', '浙江', '北京', '广东']);
    expect(byTier('quality')).toEqual(['四川', '福建', '贵州', '山东']);
    expect(byTier('distinctive')).toEqual(['江西', '江苏', '天津', '湖北', '海南']);
    expect(byTier('developing')).toHaveLength(18);
  });

  it('every region has a score on [0, 100], and contributions add up to it (arithmetic everywhere)', () => {
    for (const r of results) {
      expect(r.score).not.toBeNull();
      expect(r.score!).toBeGreaterThanOrEqual(0);
      expect(r.score!).toBeLessThanOrEqual(100);
      const sum = framework!.dimensions.reduce((s, d) => s + (r.nodes[d.id]?.contribution ?? 0), 0);
      // precision 2 rounds the composite, so the unrounded sum may differ by up to 0.005.
      expect(Math.abs(sum - r.score!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});
