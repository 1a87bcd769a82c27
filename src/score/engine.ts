/**
 * The scoring engine: framework + dataset → ScoreTable. Pure and deterministic; columnar
 * throughout (one typed array per indicator and per group, loops over rows), so the cost is
 * linear in regions × indicators. The stages are the modules beside this one:
 * indicator (impute → transform → normalise) → aggregate (tree, bottom-up) → precision → rank →
 * effective weights → reporting order. Tiers are the stage after this one (src/tier/tier-table.ts).
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { AggregateMethod } from '../model/framework.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework, ResolvedNode } from '../model/resolved.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../model/score-table.js';
import { ISSUE_NEGATIVE, ISSUE_ZERO } from './aggregate.js';
import { aggregateWeighted, type WeightedAggregation, type WeightingContext } from '../weights/engine-step.js';
import { childEffectiveWeight, contributionOf } from './effective-weight.js';
import { scoreIndicator, type IndicatorContext } from './indicator.js';
import { frameworkLocation, nodeDocumentPaths, rowLocation } from './locations.js';
import { canonicalRows, isIdentity, restoreRows, datasetOfRows, type PartitionedTable } from './canonical-rows.js';
import { reportingOrder } from './order.js';
import { hasPreparation, scorePreparedIndicators } from '../prepare/pipeline.js';
import { allRows, compareCodeUnits, partitionRows, type Partition } from './partition.js';
import { roundColumn } from './precision.js';
import { rankWithinPartitions } from './rank.js';

export interface ScoreOptions {
  /**
   * Over which rows relative methods (minmax, zscore, rank) take their statistics: each
   * period's own regions (default), or every row of every period pooled, so that scores of
   * different periods share one scale and can be compared. Ranks are always within a period.
   */
  readonly normaliseScope?: 'period' | 'pooled';
}

/** Mutable working arrays of one node while the engine fills them. */
interface NodeWork {
  readonly score: Float64Array;
  readonly presentShare: Float64Array;
  readonly effectiveWeight: Float64Array;
}

/**
 * Scores and ranks every row of `dataset` under `framework`; every row is untiered (-1) until
 * the tier stage ({@link tierTable} in src/tier/tier-table.ts) assigns tiers.
 *
 * Missing values follow each indicator's policy (a `fail` leaves the row unscored: composite,
 * node scores and ranks NaN); groups combine their present children with the shares
 * renormalised; the composite is rounded to `framework.precision` before ranking; ranks are
 * competition ranks within each period. Effective weights are the renormalised shares
 * multiplied along the path whatever the aggregation method, so contributions add up to the
 * composite exactly when every level is arithmetic. Findings come back as sorted diagnostics;
 * only programmer errors (a dataset that does not match the framework) throw.
 */
export function score(framework: ResolvedFramework, dataset: Dataset, options: ScoreOptions = {}): ScoreTable {
  const rows = canonicalRows(dataset);
  const { table, periods } = isIdentity(rows, dataset.rowCount)
    ? scoreRows(framework, dataset, options)
    : restoreRows(scoreRows(framework, datasetOfRows(dataset, rows), options), dataset, rows);
  // Ordered once, on the rows the caller gave: ordering the canonical rows too would be thrown away by restoreRows.
  return { ...table, order: reportingOrder(periods.labelOf, table.composite.rank, table.dataset.region) };
}

function scoreRows(framework: ResolvedFramework, dataset: Dataset, options: ScoreOptions): PartitionedTable {
  const n = dataset.rowCount;
  if (dataset.values.length !== framework.indicators.length) {
    throw new Error(`score: dataset has ${dataset.values.length} indicator columns, framework has ${framework.indicators.length}`);
  }
  const pooled = options.normaliseScope === 'pooled';
  const periods = partitionRows(dataset.period);
  const everyRow = allRows(n);
  const groups = framework.indicators.some((i) => i.missing === 'group-mean') ? partitionRows(dataset.group) : undefined;
  const documentPaths = nodeDocumentPaths(framework);
  const diagnostics: Diagnostic[] = [];
  const unscored = new Uint8Array(n);

  const context: IndicatorContext = {
    framework,
    dataset,
    periods,
    groups,
    scopes: pooled ? [everyRow] : periods.rows,
    pooled,
    allRows: everyRow,
    documentPaths,
    unscored,
    diagnostics,
  };
  // ── Data preparation (src/prepare, issue 10): denominate → impute → screen → treat, only when the framework asks ──
  const prepared = hasPreparation(framework) ? scorePreparedIndicators(context) : undefined;
  const indicatorScores = prepared?.indicators ?? framework.indicators.map((indicator) => scoreIndicator(indicator, context));
  // ── end of data preparation ──

  // Groups are in pre-order, so walking them backwards aggregates every child before its parent.
  const groupWork: NodeWork[] = framework.groups.map(() => newNodeWork(n));
  const issues = new Uint8Array(n);
  // ── weighting (issue 12, src/weights): fixed, AHP or data-derived weights per node, and the
  // by-period aggregations (TOPSIS, grey relational). Everything else about a node stays here.
  const weighting: WeightingContext = {
    framework,
    periods,
    scopes: context.scopes,
    allRows: everyRow,
    unscored,
    indicatorScores,
    diagnostics,
    records: [],
    rowShares: new Map(),
  };
  const aggregateInto = (node: Omit<WeightedAggregation, 'childScores'>, work: NodeWork): void => {
    issues.fill(0);
    const childScores = node.children.map((child) => scoresOf(child, indicatorScores, groupWork));
    aggregateWeighted({ ...node, childScores }, weighting, { out: work.score, presentShare: work.presentShare, issues });
    reportAggregateIssues(issues, node.method, node.id, frameworkLocation(framework, [...node.path, 'aggregate']), periods, unscored, diagnostics);
  };
  // ── end weighting
  for (let g = framework.groups.length - 1; g >= 0; g--) {
    const group = framework.groups[g]!;
    const { id, aggregate: method, rho, weighting: spec, children } = group;
    aggregateInto({ id, isTop: false, method, rho, weighting: spec, children, path: documentPaths.get(id) ?? [] }, groupWork[g]!);
  }
  const compositeWork = newNodeWork(n);
  const { id, aggregate: method, rho, weighting: spec, dimensions: children } = framework;
  aggregateInto({ id, isTop: true, method, rho, weighting: spec, children, path: [] }, compositeWork);

  for (let row = 0; row < n; row++) {
    if (unscored[row] === 1) {
      compositeWork.score[row] = NaN;
      for (const work of groupWork) work.score[row] = NaN;
    } else if (compositeWork.score[row] !== compositeWork.score[row]) {
      diagnostics.push(
        makeDiagnostic('composite-missing', { region: dataset.region[row], period: dataset.period[row] }, rowLocation(dataset, row)),
      );
    }
  }
  if (framework.precision !== undefined) roundColumn(compositeWork.score, framework.precision);

  fillEffectiveWeights(framework, compositeWork, groupWork, indicatorScores, weighting.rowShares);

  const composite = finishNode(compositeWork, periods);
  const nodes = new Map<string, NodeScores>();
  framework.groups.forEach((group, g) => nodes.set(group.id, finishNode(groupWork[g]!, periods)));
  const indicators = new Map<string, IndicatorScores>();
  framework.indicators.forEach((indicator, i) => indicators.set(indicator.id, indicatorScores[i]!));

  return {
    table: {
      framework,
      dataset,
      periods: periods.labels,
      composite,
      nodes,
      indicators,
      tier: new Int32Array(n).fill(-1),
      weights: weighting.records,
      diagnostics: sortScoreDiagnostics(diagnostics),
      ...(prepared ? { preparation: prepared.report } : {}),
    },
    periods,
  };
}

function newNodeWork(n: number): NodeWork {
  return { score: new Float64Array(n), presentShare: new Float64Array(n), effectiveWeight: new Float64Array(n) };
}

function scoresOf(node: ResolvedNode, indicatorScores: readonly IndicatorScores[], groupWork: readonly NodeWork[]): Float64Array {
  const scores = node.kind === 'group' ? groupWork[node.index]?.score : indicatorScores[node.index]?.normalised;
  if (!scores) throw new Error(`score: node '${node.id}' has no column (index ${node.index})`);
  return scores;
}

/** One diagnostic per period for zero inputs, and one for negative inputs, of a geometric or harmonic mean. */
function reportAggregateIssues(
  issues: Uint8Array,
  method: AggregateMethod,
  group: string,
  location: SourceLocation,
  periods: Partition,
  unscored: Uint8Array,
  diagnostics: Diagnostic[],
): void {
  periods.rows.forEach((rows, p) => {
    let zero = 0;
    let negative = 0;
    for (const row of rows) {
      // A row that `fail` leaves unscored has its own error; a warning about its mean would be noise.
      if (unscored[row] === 1) continue;
      const bits = issues[row]!;
      if ((bits & ISSUE_NEGATIVE) !== 0) negative++;
      else if ((bits & ISSUE_ZERO) !== 0) zero++;
    }
    const period = periods.labels[p] ?? '';
    if (zero > 0) diagnostics.push(makeDiagnostic('aggregate-zero', { group, period, method, count: zero }, location));
    if (negative > 0) diagnostics.push(makeDiagnostic('aggregate-negative', { group, period, method, count: negative }, location));
  });
}

/** Effective weights top-down: the composite carries 1 where scored, each child its renormalised share of its parent's. */
function fillEffectiveWeights(
  framework: ResolvedFramework,
  compositeWork: NodeWork,
  groupWork: readonly NodeWork[],
  indicatorScores: readonly IndicatorScores[],
  rowShares: ReadonlyMap<string, number | Float64Array>,
): void {
  const composite = compositeWork.score;
  for (let row = 0; row < composite.length; row++) compositeWork.effectiveWeight[row] = composite[row] === composite[row] ? 1 : 0;
  const parentOf = (node: ResolvedNode): NodeWork => {
    const parentId = node.path[node.path.length - 1];
    if (parentId === undefined) return compositeWork;
    const parent = framework.nodeById.get(parentId);
    if (parent?.kind !== 'group') throw new Error(`score: parent '${parentId}' of '${node.id}' is not a group`);
    return groupWork[parent.index]!;
  };
  // Pre-order: a parent's effective weight is known before its children's.
  for (const group of framework.groups) {
    const parent = parentOf(group);
    const work = groupWork[group.index]!;
    childEffectiveWeight(parent.effectiveWeight, parent.presentShare, work.score, rowShares.get(group.id) ?? group.share, work.effectiveWeight);
  }
  for (const indicator of framework.indicators) {
    const parent = parentOf(indicator);
    const scores = indicatorScores[indicator.index]!;
    // An unscored row's groups are NaN, so their effective weight, and their indicators', is 0.
    childEffectiveWeight(parent.effectiveWeight, parent.presentShare, scores.normalised, rowShares.get(indicator.id) ?? indicator.share, scores.effectiveWeight);
  }
}

function finishNode(work: NodeWork, periods: Partition): NodeScores {
  const n = work.score.length;
  const rank = new Float64Array(n);
  const percentile = new Float64Array(n);
  const contribution = new Float64Array(n);
  rankWithinPartitions(work.score, periods.rows, rank, percentile);
  contributionOf(work.score, work.effectiveWeight, contribution);
  return { score: work.score, rank, percentile, contribution };
}

/** File, line, column, code, then message, all locale-free, so the same input lists its findings identically. */
export function sortScoreDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareCodeUnits(a.code, b.code) ||
      compareCodeUnits(a.message, b.message),
  );
}
