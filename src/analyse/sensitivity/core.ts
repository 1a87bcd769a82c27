/**
 * The fast re-scoring core of `dgmi sensitivity`. Everything that does not change between
 * replications is done once by `prepareModel`: the canonical row order, the period partition,
 * and each indicator's normalised column for every (normalisation, missing-value policy) pair the
 * spec can draw — the engine's own `scoreIndicator` computes them, so they are the engine's
 * numbers. A replication then only re-aggregates the tree with its weights and methods, rounds,
 * ranks and tiers, into buffers allocated once (`createWorkspace`), calling the engine's
 * `aggregateGroup`, `roundColumn`, `rankWithinPartitions` and `assignTiers` in the engine's order.
 * So with the framework's own options and no weight noise a replication is `score()` bit for bit.
 *
 * Data preparation (denominators, screening, outlier treatment) will sit before normalisation:
 * the dataset given here is its output, and a treatment assumption (winsorisation limits) would
 * add one more key to the variants below.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AggregateMethod, MissingPolicy } from '../../model/framework.js';
import type { Dataset } from '../../model/dataset.js';
import type { Normalise, ResolvedFramework, ResolvedGroup, ResolvedIndicator, ResolvedNode, TierRule } from '../../model/resolved.js';
import type { IndicatorScores, NodeScores } from '../../model/score-table.js';
import { aggregateGroup, type AggregateChild } from '../../score/aggregate.js';
import { canonicalRows, datasetOfRows, isIdentity } from '../../score/canonical-rows.js';
import { scoreIndicator } from '../../score/indicator.js';
import { nodeDocumentPaths } from '../../score/locations.js';
import { allRows, partitionRows, type Partition } from '../../score/partition.js';
import { roundColumn } from '../../score/precision.js';
import { rankWithinPartitions } from '../../score/rank.js';
import { assignTiers, type TierInputs } from '../../tier/assign.js';
import { firstMatchingLevel } from '../../tier/rules.js';
import { designLayout, optionOf, type DesignLayout } from './design.js';
import type { Assumption, NormaliseOption, SensitivityAggregateOption, SensitivityMissingOption, SensitivityNormaliseOption } from './spec.js';

/** Normalised columns of one (normalisation, missing policy) pair, canonical rows. */
export interface Variant {
  readonly columns: readonly Float64Array[];
  /** 1 where a `fail` policy leaves the row unscored. */
  readonly unscored: Uint8Array;
}

export interface SensitivityModel {
  readonly framework: ResolvedFramework;
  /** The scored rows in canonical order (period, region), excluded rows left out. */
  readonly dataset: Dataset;
  /** For each canonical row, its row in the caller's dataset. */
  readonly sourceRows: Uint32Array;
  readonly periods: Partition;
  readonly assumptions: readonly Assumption[];
  readonly layout: DesignLayout;
  /** Normalisation and missing options drawn (['framework'] when not uncertain). */
  readonly normaliseOptions: readonly NormaliseOption[];
  readonly missingOptions: readonly SensitivityMissingOption[];
  readonly aggregateOptions: readonly SensitivityAggregateOption[];
  /** variants[normalise × missingOptions.length + missing]. */
  readonly variants: readonly Variant[];
  /** Nodes whose weights are perturbed, and the noise of each. */
  readonly weightNodes: readonly ResolvedNode[];
  readonly weightNoise: Float64Array;
  /** Most rows in one period: the largest rank a row can take. */
  readonly maxRank: number;
  readonly tierCount: number;
  readonly ranksDimensions: boolean;
  /**
   * Groups whose scores no weight noise can reach (no perturbed weight among their descendants):
   * their columns depend only on the variant and the aggregation drawn, so each is computed once
   * per such pair and copied thereafter. With noise on the dimensions and sub-groups only, this
   * skips the indicator level — most of the work — in nearly every replication.
   */
  readonly isCacheable: Uint8Array;
  /** Memo of cacheable groups' columns: [group × combos + combo]; filled as replications meet them. */
  readonly groupCache: (Float64Array | undefined)[];
}

/** One replication's choices. */
export interface Scenario {
  readonly variant: Variant;
  /** variant × aggregateOptions.length + aggregate option: the group cache's key; -1 = do not cache. */
  readonly combo: number;
  readonly aggregate: SensitivityAggregateOption;
  /** Weight multiplier per node slot (groups, then indicators), or undefined for none. */
  readonly factors: Float64Array | undefined;
}

/** Buffers a replication writes into; one per thread, reused. */
export interface Workspace {
  readonly groupScores: Float64Array[];
  readonly composite: Float64Array;
  readonly rank: Float64Array;
  readonly percentile: Float64Array;
  readonly presentShare: Float64Array;
  readonly issues: Uint8Array;
  readonly factors: Float64Array;
  readonly input: Float64Array;
  readonly scratch: Float64Array;
  tier: Int32Array;
  readonly tierInputs: TierInputs;
}

const NORMALISE_OF: Readonly<Record<Exclude<SensitivityNormaliseOption, 'framework' | 'goalpost' | 'target' | 'none'>, Normalise>> = {
  minmax: { method: 'minmax' },
  zscore: { method: 'zscore', rescale: 'minmax' },
  'zscore-raw': { method: 'zscore', rescale: 'none' },
  rank: { method: 'rank' },
};

function normaliseFor(option: NormaliseOption, indicator: ResolvedIndicator): Normalise {
  if (typeof option !== 'string') return option.method === 'minmax' ? { method: 'minmax' } : { method: 'zscore', rescale: 'none' };
  if (option === 'framework') return indicator.normalise;
  if (option === 'goalpost' || option === 'target' || option === 'none') throw new Error(`sensitivity: normalisation '${option}' was not refused by the spec check`);
  return NORMALISE_OF[option];
}

/**
 * Moves an engine-normalised column onto the option's own range: min–max [0, scale] onto
 * [lo, hi], raw z-scores onto mean + sd·z. Rows the `zero` policy set to 0 keep their 0, as the
 * policy says (the normalised value is 0).
 */
function rescaleColumn(option: NormaliseOption, scores: IndicatorScores, policy: MissingPolicy, scale: number): void {
  if (typeof option === 'string') return;
  const column = scores.normalised;
  const isZeroed = (row: number): boolean => policy === 'zero' && scores.imputed[row] === 1;
  for (let row = 0; row < column.length; row++) {
    const x = column[row]!;
    if (x !== x || isZeroed(row)) continue;
    column[row] = option.method === 'minmax' ? option.range[0] + (option.range[1] - option.range[0]) * (x / scale) : option.mean + option.sd * x;
  }
}

/** Everything replications share; pure. */
export function prepareModel(framework: ResolvedFramework, dataset: Dataset, assumptions: readonly Assumption[]): SensitivityModel {
  const rows = canonicalRows(dataset);
  const canonical = isIdentity(rows, dataset.rowCount) ? dataset : datasetOfRows(dataset, rows);
  const periods = partitionRows(canonical.period);
  const find = <K extends Assumption['kind']>(kind: K) => assumptions.find((a): a is Extract<Assumption, { kind: K }> => a.kind === kind);
  const normaliseOptions = find('normalise')?.options ?? ['framework'];
  const missingOptions = find('missing')?.options ?? ['framework'];
  const aggregateOptions = find('aggregate')?.options ?? ['framework'];
  const variants = normaliseOptions.flatMap((normalise) => missingOptions.map((missing) => prepareVariant(framework, canonical, periods, normalise, missing)));

  const weightNodes: ResolvedNode[] = [];
  const noise: number[] = [];
  for (const level of find('weights')?.levels ?? []) {
    const nodes: readonly ResolvedNode[] = level.level === 'indicators' ? framework.indicators : framework.groups.filter((g) => g.depth === level.level);
    for (const node of nodes) {
      weightNodes.push(node);
      noise.push(level.noise);
    }
  }
  const widths = assumptions.map((a) => (a.kind === 'weights' ? weightNodes.length : 1));
  const isCacheable = cacheableGroups(framework, new Set(weightNodes.map((node) => node.id)));
  return {
    framework,
    dataset: canonical,
    sourceRows: rows,
    periods,
    assumptions,
    layout: designLayout(widths),
    normaliseOptions,
    missingOptions,
    aggregateOptions,
    variants,
    weightNodes,
    weightNoise: Float64Array.from(noise),
    maxRank: Math.max(0, ...periods.rows.map((r) => r.length)),
    tierCount: framework.tiers?.levels.length ?? 0,
    ranksDimensions: framework.tiers?.method === 'rules' && framework.tiers.levels.some((l) => l.rule !== undefined && mentionsDimensions(l.rule)),
    isCacheable,
    groupCache: new Array<Float64Array | undefined>(framework.groups.length * variants.length * aggregateOptions.length).fill(undefined),
  };
}

/** 1 for each group none of whose descendants has a perturbed weight (children before parents, so walk backwards). */
function cacheableGroups(framework: ResolvedFramework, perturbed: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(framework.groups.length);
  for (let g = framework.groups.length - 1; g >= 0; g--) {
    const group = framework.groups[g]!;
    out[g] = group.children.every((child) => !perturbed.has(child.id) && (child.kind === 'indicator' || out[child.index] === 1)) ? 1 : 0;
  }
  return out;
}

function mentionsDimensions(rule: TierRule): boolean {
  switch (rule.kind) {
    case 'dimension':
    case 'any_dimension':
      return true;
    case 'all':
    case 'any':
      return rule.rules.some(mentionsDimensions);
    case 'not':
      return mentionsDimensions(rule.rule);
    default:
      return false;
  }
}

/** The engine's impute → transform → normalise for every indicator under one pair of options; its findings are the nominal run's to report. */
function prepareVariant(
  framework: ResolvedFramework,
  dataset: Dataset,
  periods: Partition,
  normalise: NormaliseOption,
  missing: SensitivityMissingOption,
): Variant {
  const indicators = framework.indicators.map((indicator) => ({
    ...indicator,
    normalise: normaliseFor(normalise, indicator),
    missing: missing === 'framework' ? indicator.missing : (missing satisfies MissingPolicy),
  }));
  const variant: ResolvedFramework = { ...framework, indicators };
  const everyRow = allRows(dataset.rowCount);
  const unscored = new Uint8Array(dataset.rowCount);
  const diagnostics: Diagnostic[] = [];
  const context = {
    framework: variant,
    dataset,
    periods,
    groups: indicators.some((i) => i.missing === 'group-mean') ? partitionRows(dataset.group) : undefined,
    scopes: periods.rows,
    pooled: false,
    allRows: everyRow,
    documentPaths: nodeDocumentPaths(framework),
    unscored,
    diagnostics,
  };
  const columns = indicators.map((indicator) => {
    const scores = scoreIndicator(indicator, context);
    rescaleColumn(normalise, scores, indicator.missing, framework.scale);
    return scores.normalised;
  });
  return { columns, unscored };
}

/** Buffers for one thread's replications. */
export function createWorkspace(model: SensitivityModel): Workspace {
  const n = model.dataset.rowCount;
  const { framework } = model;
  const groupScores = framework.groups.map(() => new Float64Array(n));
  const composite = new Float64Array(n);
  const rank = new Float64Array(n);
  const percentile = new Float64Array(n);
  const empty = new Float64Array(n);
  const nodes = new Map<string, NodeScores>();
  // Tier rules read only dimensions (the validator refuses sub-groups), so only they get ranks.
  for (const dimension of framework.dimensions) {
    nodes.set(dimension.id, { score: groupScores[dimension.index]!, rank: new Float64Array(n).fill(NaN), percentile: new Float64Array(n).fill(NaN), contribution: empty });
  }
  return {
    groupScores,
    composite,
    rank,
    percentile,
    presentShare: new Float64Array(n),
    issues: new Uint8Array(n),
    factors: new Float64Array(framework.groups.length + framework.indicators.length).fill(1),
    input: new Float64Array(model.layout.dimension),
    scratch: new Float64Array(2 * model.layout.dimension),
    tier: new Int32Array(n).fill(-1),
    tierInputs: {
      framework,
      dataset: model.dataset,
      periods: model.periods.labels,
      composite: { score: composite, rank, percentile, contribution: empty },
      nodes,
      indicators: new Map<string, IndicatorScores>(),
    },
  };
}

/** The framework as written: the nominal replication. */
export function nominalScenario(model: SensitivityModel): Scenario {
  const n = model.normaliseOptions.indexOf('framework');
  const m = model.missingOptions.indexOf('framework');
  const variant = n >= 0 && m >= 0 ? model.variants[n * model.missingOptions.length + m] : undefined;
  return { variant: variant ?? prepareVariant(model.framework, model.dataset, model.periods, 'framework', 'framework'), combo: -1, aggregate: 'framework', factors: undefined };
}

function slotOf(model: SensitivityModel, node: ResolvedNode): number {
  return node.kind === 'group' ? node.index : model.framework.groups.length + node.index;
}

/** The choices that the input row `ws.input` (uniforms, laid out per assumption) stands for. */
export function scenarioOf(model: SensitivityModel, ws: Workspace): Scenario {
  let normalise = 0;
  let missing = 0;
  let aggregate = 0;
  let hasWeights = false;
  model.assumptions.forEach((assumption, a) => {
    const at = model.layout.offsets[a]!;
    switch (assumption.kind) {
      case 'weights':
        hasWeights = true;
        model.weightNodes.forEach((node, w) => {
          const noise = model.weightNoise[w]!;
          // × U(1 − noise, 1 + noise); with noise 0 exactly 1, so the weight is unchanged to the bit.
          ws.factors[slotOf(model, node)] = 1 + noise * (2 * ws.input[at + w]! - 1);
        });
        break;
      case 'normalise':
        normalise = optionOf(ws.input[at]!, assumption.options.length);
        break;
      case 'missing':
        missing = optionOf(ws.input[at]!, assumption.options.length);
        break;
      case 'aggregate':
        aggregate = optionOf(ws.input[at]!, assumption.options.length);
        break;
    }
  });
  const variant = normalise * model.missingOptions.length + missing;
  return {
    variant: model.variants[variant]!,
    combo: variant * model.aggregateOptions.length + aggregate,
    aggregate: model.aggregateOptions[aggregate]!,
    factors: hasWeights ? ws.factors : undefined,
  };
}

/**
 * Children's shares under perturbed weights: weight × factor over the siblings' sum, summed in
 * the resolver's order (from 0, child by child), so factors of 1 give the resolver's shares.
 */
function childInputs(model: SensitivityModel, children: readonly ResolvedNode[], scenario: Scenario, ws: Workspace): AggregateChild[] {
  const scores = (child: ResolvedNode): Float64Array => (child.kind === 'group' ? ws.groupScores[child.index]! : scenario.variant.columns[child.index]!);
  const factors = scenario.factors;
  if (!factors) return children.map((child) => ({ scores: scores(child), share: child.share }));
  let total = 0;
  for (const child of children) total += child.weight * factors[slotOf(model, child)]!;
  return children.map((child) => ({ scores: scores(child), share: (child.weight * factors[slotOf(model, child)]!) / total }));
}

function methodOf(option: SensitivityAggregateOption, own: AggregateMethod): AggregateMethod {
  return option === 'framework' ? own : option;
}

/** One replication: the tree bottom-up, unscored rows, precision, ranks, tiers — the engine's steps in the engine's order. */
export function evaluateScenario(model: SensitivityModel, scenario: Scenario, ws: Workspace): void {
  const { framework, periods } = model;
  const buffers = { presentShare: ws.presentShare, issues: ws.issues };
  const aggregateInto = (method: AggregateMethod, children: readonly ResolvedNode[], out: Float64Array): void => {
    ws.issues.fill(0);
    aggregateGroup(method, childInputs(model, children, scenario, ws), { ...buffers, out });
  };
  const combos = model.variants.length * model.aggregateOptions.length;
  for (let g = framework.groups.length - 1; g >= 0; g--) {
    const group: ResolvedGroup = framework.groups[g]!;
    const isCached = scenario.combo >= 0 && model.isCacheable[g] === 1;
    const cached = isCached ? model.groupCache[g * combos + scenario.combo] : undefined;
    if (cached) {
      ws.groupScores[g]!.set(cached);
      continue;
    }
    aggregateInto(methodOf(scenario.aggregate, group.aggregate), group.children, ws.groupScores[g]!);
    // A copy: the workspace's column is overwritten below for unscored rows and by later replications.
    if (isCached) model.groupCache[g * combos + scenario.combo] = Float64Array.from(ws.groupScores[g]!);
  }
  aggregateInto(methodOf(scenario.aggregate, framework.aggregate), framework.dimensions, ws.composite);
  const unscored = scenario.variant.unscored;
  for (let row = 0; row < unscored.length; row++) {
    if (unscored[row] !== 1) continue;
    ws.composite[row] = NaN;
    for (const scores of ws.groupScores) scores[row] = NaN;
  }
  if (framework.precision !== undefined) roundColumn(ws.composite, framework.precision);
  rankWithinPartitions(ws.composite, periods.rows, ws.rank, ws.percentile);
  if (model.tierCount === 0) return;
  if (model.ranksDimensions) {
    for (const node of ws.tierInputs.nodes.values()) rankWithinPartitions(node.score, periods.rows, node.rank, node.percentile);
  }
  const tiers = framework.tiers!;
  if (tiers.method !== 'rules') {
    ws.tier = assignTiers(ws.tierInputs).tier;
    return;
  }
  // assignTiers' rule path without its per-call partition of the period labels and its
  // diagnostics: the first level whose rule holds, for every scored row; -1 otherwise.
  ws.tier.fill(-1);
  for (let row = 0; row < ws.composite.length; row++) {
    if (ws.composite[row] === ws.composite[row]) ws.tier[row] = firstMatchingLevel(tiers.levels, ws.tierInputs, row);
  }
}
