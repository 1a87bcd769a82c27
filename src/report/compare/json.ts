/**
 * `dgmi compare --format json`: one `dgmi-compare/1` document per run, shaped like the score
 * result (`format`, `framework`, `inputs`, `scale`, …, `diagnostics`) plus `mode`,
 * `normalise` (which normalisation produced the scores: `per-period` or `pooled`) and the
 * mode's own fields. Ids, not labels; numbers unrounded; NaN (no value) as null; '' as null.
 */
import type { GroupComparison, GroupStats } from '../../analyse/compare-groups.js';
import { diagnosticEntry } from '../diagnostics/json.js';
import type { RegionPresence } from '../../analyse/analysis.js';
import type { PeriodComparison, PeriodSide } from '../../analyse/compare-periods.js';
import type { RegionComparison } from '../../analyse/compare-regions.js';
import type { Summary } from '../../analyse/descriptive.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { tierId } from '../results/labels.js';
import type { CompareFormatter, Comparison } from './formatter.js';
import { normaliseId } from './labels.js';

export const COMPARE_FORMAT_ID = 'dgmi-compare/1';

/** The id of the untiered row and column of a transition matrix or tier distribution. */
export const UNTIERED = 'untiered';

function textOrNull(s: string): string | null {
  return s === '' ? null : s;
}

function tierOrNull(framework: ResolvedFramework, level: number): string | null {
  return tierId(framework, level) ?? null;
}

/** A region and its standing, the leading fields of every region entry. */
function presenceJson(framework: ResolvedFramework, r: RegionPresence) {
  return { region: r.region, name: textOrNull(r.name), group: textOrNull(r.group), score: r.score, rank: r.rank, tier: tierOrNull(framework, r.tier) };
}

function regionsFields(c: RegionComparison) {
  const { framework } = c;
  return {
    period: textOrNull(c.period),
    scored: c.scored,
    regions: c.regions.map((r) => ({
      ...presenceJson(framework, r),
      nodes: Object.fromEntries(
        r.nodes.map((n) => [n.id, { score: n.score, rank: n.rank, percentile: n.percentile, contribution: n.contribution, mark: n.mark ?? null }]),
      ),
      strengths: r.strengths,
      weaknesses: r.weaknesses,
    })),
    indicators: c.gaps.map((g) => ({
      id: g.id,
      gap: g.gap,
      // An array in the order of `regions`, not an object keyed by code: JavaScript puts
      // integer-like keys such as 330000 in numeric order, which would lose that order.
      values: g.values.map((v, i) => ({ region: c.regions[i]?.region ?? '', value: v.value, normalised: v.normalised, imputed: v.imputed })),
    })),
  };
}

function periodsFields(c: PeriodComparison) {
  const { framework } = c;
  const side = (s: PeriodSide) => ({ score: s.score, rank: s.rank, tier: tierOrNull(framework, s.tier) });
  const presence = (r: RegionPresence) => presenceJson(framework, r);
  return {
    from: c.from,
    to: c.to,
    regions: c.regions.map((r) => ({
      region: r.region,
      name: textOrNull(r.name),
      group: textOrNull(r.group),
      from: side(r.from),
      to: side(r.to),
      change: { score: r.scoreChange, rank: r.rankChange },
      drivers: r.drivers.map((d) => ({ dimension: d.id, from: d.from, to: d.to, change: d.change })),
    })),
    entered: c.entered.map(presence),
    left: c.left.map(presence),
    transitions: {
      tiers: c.transitions.levels.map((level) => tierOrNull(framework, level) ?? UNTIERED),
      counts: c.transitions.counts,
    },
  };
}

function summaryJson(s: Summary) {
  return { n: s.n, mean: s.mean, median: s.median, min: s.min, max: s.max, sd: s.sd, cv: s.cv };
}

function groupsFields(c: GroupComparison) {
  const { framework } = c;
  const tierKeys = c.tierLevels.map((level) => tierOrNull(framework, level) ?? UNTIERED);
  const stats = (g: GroupStats) => ({
    group: textOrNull(g.group),
    regions: g.regions,
    composite: summaryJson(g.composite),
    dimensions: Object.fromEntries(g.dimensions.map((d) => [d.id, summaryJson(d.summary)])),
    tiers: Object.fromEntries(g.tiers.map((count, i) => [tierKeys[i] ?? UNTIERED, count])),
    theil: g.theil ? { n: g.theil.n, mean: g.theil.mean, share: g.theil.share, theil: g.theil.theil, between: g.theil.between, within: g.theil.within } : null,
  });
  return {
    period: textOrNull(c.period),
    groupColumn: framework.columns.group,
    groups: c.groups.map(stats),
    overall: stats(c.overall),
    theil: c.theil ?? null,
    withoutGroup: c.withoutGroup,
  };
}

function modeFields(c: Comparison) {
  switch (c.kind) {
    case 'regions':
      return regionsFields(c);
    case 'periods':
      return periodsFields(c);
    case 'groups':
      return groupsFields(c);
  }
}

/** `--format json`: the `dgmi-compare/1` document, 2-space indent, trailing newline. */
export const formatCompareJson: CompareFormatter = (comparison, options) => {
  const { framework } = comparison;
  const document = {
    format: COMPARE_FORMAT_ID,
    mode: comparison.kind,
    framework: { id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null },
    inputs: comparison.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    scale: framework.scale,
    normalise: normaliseId(comparison.normaliseScope),
    ...modeFields(comparison),
    diagnostics: (options.diagnostics ?? []).map((d) => diagnosticEntry(d, options.lang)),
  };
  // JSON.stringify writes NaN and ±Infinity (no value) as null, as the score result does.
  return `${JSON.stringify(document, null, 2)}\n`;
};
