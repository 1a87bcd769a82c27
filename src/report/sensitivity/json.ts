/**
 * `dgmi sensitivity --format json`: one `dgmi-sensitivity-result/1` document. Ids, not labels;
 * numbers unrounded; NaN (no value) as null; '' as null. Keys are written in a fixed order, so
 * the same run gives the same bytes.
 */
import { diagnosticEntry } from '../diagnostics/json.js';
import type { SensitivityFormatter } from './formatter.js';

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const text = (s: string): string | null => (s === '' ? null : s);

export const formatSensitivityJson: SensitivityFormatter = (result, options) => {
  const document = {
    format: result.format,
    framework: { id: result.framework.id, version: result.framework.version ?? null, sha256: result.framework.sha256 ?? null },
    inputs: result.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    method: result.method,
    runs: result.runs,
    replications: result.replications,
    seed: result.seed,
    bootstrap: result.bootstrap ?? null,
    tiers: result.tiers.map((t) => t.id),
    assumptions: result.assumptions.map((a) => ({
      kind: a.kind,
      options: a.options,
      sobol: a.sobol
        ? {
            first: num(a.sobol.first),
            first_ci: [num(a.sobol.firstLow), num(a.sobol.firstHigh)],
            total: num(a.sobol.total),
            total_ci: [num(a.sobol.totalLow), num(a.sobol.totalHigh)],
          }
        : null,
    })),
    mean_rank_shift: num(result.meanRankShift),
    results: result.regions.map((r) => ({
      region: r.region,
      name: text(r.name),
      group: text(r.group),
      period: text(r.period),
      score: num(r.score),
      rank: num(r.rank),
      tier: r.tier,
      mean_rank: num(r.meanRank),
      median_rank: num(r.medianRank),
      p5_rank: num(r.p5Rank),
      p95_rank: num(r.p95Rank),
      scored_share: num(r.scoredShare),
      tier_probability: Object.fromEntries(result.tiers.map((t, i) => [t.id, num(r.tierProbabilities[i] ?? NaN)])),
    })),
    diagnostics: (options.diagnostics ?? result.diagnostics).map((d) => diagnosticEntry(d, options.lang)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
