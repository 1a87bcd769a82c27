/**
 * Why a region sits in its tier, and what score would lift it into the next one, with every
 * other region's scores held as they are.
 *
 * Under `rules` the answer builds on the tier traces of `src/tier/rules.ts`: the trace of the
 * level that placed the region, the trace of the next better level with its shortfalls, and the
 * smallest composite score (or dimension score) that would make the region's tier the next one
 * or better. The search tries the only places where a rule's verdict can change — the region's
 * own score, every other region's score in the period (rank and percentile thresholds sit
 * there: with competition ranks, tying the region at the boundary rank is enough) and the
 * rules' own score bounds — and evaluates the real rules at each, so `all`, `any`, `not` and
 * `any_dimension` need no special arithmetic. With `precision`, composite candidates are
 * rounded as the engine rounds, so the answer is in the terms the ranking uses.
 *
 * Under `natural-breaks` the next tier starts at the lowest score of its class; the classes
 * themselves are recomputed when anything changes, which the formatters say.
 */
import type { Bounds } from '../model/framework.js';
import type { TierLevel, TierRule } from '../model/resolved.js';
import type { NodeScores, ScoreTable } from '../model/score-table.js';
import { roundHalfAwayFromZero } from '../score/precision.js';
import { explainLevels, firstMatchingLevel, readsDimensions, type RuleScores, type RuleTrace } from '../tier/rules.js';

/** Another region of the period, as named in a goal ("tie 山东 at 81.30"). */
export interface RegionRef {
  readonly region: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
}

/** The smallest score of a node (the composite or one dimension) that reaches the target tier, others fixed. */
export interface ScoreGoal {
  readonly score: number;
  /** `score` minus the current score (rounded to `precision` for the composite). */
  readonly increase: number;
  /** The region's competition rank at `score`. */
  readonly rank: number;
  /** Regions already at exactly `score` (the ones to tie; empty when the goal is a rule's own bound). */
  readonly ties: readonly RegionRef[];
}

/** The lowest and highest composite score among the period's regions in one tier. */
export interface ClassEdges {
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

export interface TierPlace {
  /** Index into `framework.tiers.levels`. */
  readonly level: number;
  readonly id: string;
  /** Rules method: the level's rule evaluated for the region. */
  readonly trace?: RuleTrace | undefined;
  /** Natural breaks: the class's score range in the period. */
  readonly edges?: ClassEdges | undefined;
}

export interface NextTier extends TierPlace {
  /** Smallest composite reaching this tier or better, others' scores fixed; undefined when the composite alone cannot. */
  readonly composite?: ScoreGoal | undefined;
  /** Per dimension: the smallest score of that dimension alone (composite and other dimensions fixed) that reaches the tier. */
  readonly dimensions: readonly (ScoreGoal & { readonly id: string })[];
}

export interface TierExplanation {
  readonly method: 'rules' | 'natural-breaks';
  /** Undefined when the region matched no level. */
  readonly current?: TierPlace | undefined;
  /** The next better level; undefined in the top tier. */
  readonly next?: NextTier | undefined;
}

/** The other scored regions of the period on one node, ascending, for rank arithmetic. */
interface Others {
  readonly sorted: Float64Array;
  readonly rows: readonly number[];
}

function othersOf(scores: Float64Array, periodRows: readonly number[], row: number): Others {
  const rows = periodRows.filter((r) => r !== row && !Number.isNaN(scores[r] ?? Number.NaN));
  rows.sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  return { sorted: Float64Array.from(rows, (r) => scores[r] ?? Number.NaN), rows };
}

/** Number of values in ascending `sorted` that are ≤ x. */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Competition rank and percentile of score `s` among `others` plus the region itself. */
function standingAt(others: Others, s: number): { rank: number; percentile: number } {
  if (Number.isNaN(s)) return { rank: Number.NaN, percentile: Number.NaN };
  const atMost = countAtMost(others.sorted, s);
  const m = others.sorted.length;
  return { rank: 1 + (m - atMost), percentile: (1 + atMost) / (m + 1) };
}

/** One row of node scores (rules never read contributions). */
function single(score: number, others: Others): NodeScores {
  const { rank, percentile } = standingAt(others, score);
  return {
    score: Float64Array.of(score),
    rank: Float64Array.of(rank),
    percentile: Float64Array.of(percentile),
    contribution: Float64Array.of(Number.NaN),
  };
}

/** Which score a hypothesis replaces: the composite, or one group's (by id). */
type Node = { readonly kind: 'composite' } | { readonly kind: 'group'; readonly id: string };

/** The others' scores: the composite's, and each group's by id. */
interface Field {
  readonly composite: Others;
  readonly groups: ReadonlyMap<string, Others>;
}

const NO_OTHERS: Others = { sorted: new Float64Array(0), rows: [] };

/**
 * The region's tier as if one node's score were `score`. Rules read only the region's own
 * scores, ranks and percentiles, and those depend on the others only through their (fixed)
 * scores, so one row is all that needs recomputing.
 */
function levelUnder(table: ScoreTable, row: number, field: Field, node: Node, score: number): number {
  const levels = table.framework.tiers?.levels ?? [];
  const nodes = new Map<string, NodeScores>();
  for (const [id, scores] of table.nodes) {
    const own = node.kind === 'group' && node.id === id ? score : (scores.score[row] ?? Number.NaN);
    nodes.set(id, single(own, field.groups.get(id) ?? NO_OTHERS));
  }
  const own = node.kind === 'composite' ? score : (table.composite.score[row] ?? Number.NaN);
  const input: RuleScores = { framework: table.framework, composite: single(own, field.composite), nodes };
  return firstMatchingLevel(levels, input, 0);
}

/** Every score bound in `rules` that applies to `node`. */
function scoreBounds(rules: readonly TierRule[], node: Node, dimensionIds: ReadonlySet<string>): Bounds[] {
  const found: Bounds[] = [];
  const walk = (rule: TierRule): void => {
    switch (rule.kind) {
      case 'score':
        if (node.kind === 'composite') found.push(rule.bounds);
        return;
      case 'dimension':
        if (rule.measure === 'score' && node.kind === 'group' && rule.id === node.id) found.push(rule.bounds);
        return;
      case 'any_dimension':
        if (rule.measure === 'score' && node.kind === 'group' && dimensionIds.has(node.id)) found.push(rule.bounds);
        return;
      case 'all':
      case 'any':
        rule.rules.forEach(walk);
        return;
      case 'not':
        walk(rule.rule);
        return;
      default:
        return;
    }
  };
  rules.forEach(walk);
  return found;
}

/** The smallest value a rounded score can take that is strictly above `x`. */
function justAbove(x: number, precision: number | undefined): number {
  if (precision === undefined) return x + Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
  return roundUp(x + 10 ** -precision / 2, precision);
}

/** `x` rounded up to `precision` decimals (unchanged without precision). */
function roundUp(x: number, precision: number | undefined): number {
  if (precision === undefined) return x;
  const rounded = roundHalfAwayFromZero(x, precision);
  return rounded >= x ? rounded : roundHalfAwayFromZero(rounded + 10 ** -precision, precision);
}

/**
 * The smallest score of `node` at or above its current score whose tier is `target` or better,
 * trying only the candidate scores where a verdict can change (see the module comment).
 */
function scoreGoal(
  table: ScoreTable,
  row: number,
  node: Node,
  rules: readonly TierRule[],
  target: number,
  field: Field,
  precision: number | undefined,
): ScoreGoal | undefined {
  const scores = node.kind === 'composite' ? table.composite : table.nodes.get(node.id);
  const list = node.kind === 'composite' ? field.composite : field.groups.get(node.id);
  const current = scores?.score[row] ?? Number.NaN;
  if (!scores || !list || Number.isNaN(current)) return undefined;
  const dimensionIds = new Set(table.framework.dimensions.map((d) => d.id));
  const candidates = new Set<number>([current]);
  for (const s of list.sorted) if (s > current) candidates.add(s);
  for (const bounds of scoreBounds(rules, node, dimensionIds)) {
    if (bounds.min !== undefined) candidates.add(roundUp(bounds.min, precision));
    if (bounds.max !== undefined) candidates.add(justAbove(bounds.max, precision));
  }
  const ordered = [...candidates].filter((s) => s >= current).sort((a, b) => a - b);
  for (const s of ordered) {
    const level = levelUnder(table, row, field, node, s);
    if (level < 0 || level > target) continue;
    const increase = precision === undefined ? s - current : roundHalfAwayFromZero(s - current, precision);
    const ties = list.rows
      .filter((r) => scores.score[r] === s)
      .map((r) => ({ region: table.dataset.region[r] ?? '', name: table.dataset.name[r] ?? '', score: s, rank: scores.rank[r] ?? Number.NaN }));
    return { score: s, increase, rank: standingAt(list, s).rank, ties };
  }
  return undefined;
}

/** Score range of each tier among the period's regions. */
function classEdges(table: ScoreTable, periodRows: readonly number[], level: number): ClassEdges | undefined {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const r of periodRows) {
    if (table.tier[r] !== level) continue;
    const s = table.composite.score[r] ?? Number.NaN;
    if (Number.isNaN(s)) continue;
    count++;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return count === 0 ? undefined : { min, max, count };
}

function naturalBreaksGoal(table: ScoreTable, row: number, edges: ClassEdges | undefined, composite: Others, precision: number | undefined): ScoreGoal | undefined {
  if (!edges) return undefined;
  const current = table.composite.score[row] ?? Number.NaN;
  const goal = Math.max(edges.min, current);
  const increase = precision === undefined ? goal - current : roundHalfAwayFromZero(goal - current, precision);
  const ties = composite.rows
    .filter((r) => table.composite.score[r] === goal)
    .map((r) => ({ region: table.dataset.region[r] ?? '', name: table.dataset.name[r] ?? '', score: goal, rank: table.composite.rank[r] ?? Number.NaN }));
  return { score: goal, increase, rank: standingAt(composite, goal).rank, ties };
}

/**
 * Why `row` of `table` is in its tier and what (composite or dimension) score would put it in the
 * next one, others fixed. `periodRows` are the rows ranked together with it. Undefined when the
 * framework has no tiers.
 */
export function explainTier(table: ScoreTable, row: number, periodRows: readonly number[]): TierExplanation | undefined {
  const tiers = table.framework.tiers;
  if (!tiers || tiers.levels.length === 0) return undefined;
  const level = table.tier[row] ?? -1;
  const precision = table.framework.precision;
  const groups = new Map<string, Others>();
  for (const [id, scores] of table.nodes) groups.set(id, othersOf(scores.score, periodRows, row));
  const field: Field = { composite: othersOf(table.composite.score, periodRows, row), groups };

  if (tiers.method === 'natural-breaks') {
    const place = (l: number): TierPlace => ({ level: l, id: tiers.levels[l]?.id ?? '', edges: classEdges(table, periodRows, l) });
    const current = level >= 0 ? place(level) : undefined;
    if (level === 0) return { method: 'natural-breaks', current };
    const next = place(level > 0 ? level - 1 : tiers.levels.length - 1);
    const composite = naturalBreaksGoal(table, row, next.edges, field.composite, precision);
    return { method: 'natural-breaks', current, next: { ...next, composite, dimensions: [] } };
  }

  const traces = explainLevels(tiers.levels, table, row);
  const placeOf = (l: number): TierPlace => ({ level: l, id: tiers.levels[l]?.id ?? '', trace: traces[l]?.trace });
  const current = level >= 0 ? placeOf(level) : undefined;
  if (level === 0) return { method: 'rules', current };
  // A region that matched no level aims at the lowest one.
  const target = level > 0 ? level - 1 : tiers.levels.length - 1;
  const rules = tiers.levels.slice(0, target + 1).flatMap((l: TierLevel) => (l.rule ? [l.rule] : []));
  const composite = scoreGoal(table, row, { kind: 'composite' }, rules, target, field, precision);
  const dimensions = rules.some(readsDimensions)
    ? table.framework.dimensions.flatMap((d) => {
        const goal = scoreGoal(table, row, { kind: 'group', id: d.id }, rules, target, field, undefined);
        return goal ? [{ id: d.id, ...goal }] : [];
      })
    : [];
  return { method: 'rules', current, next: { ...placeOf(target), composite, dimensions } };
}
