/**
 * The fast re-scoring core of `dgmi sensitivity`. Everything that does not change between
 * replications is done once by `prepareModel`: the canonical row order, the period partition,
 * and each indicator's normalised column for every (normalisation, missing-value policy,
 * winsorisation limit) the spec can draw — prepared (denominate → impute → screen → treat) and
 * normalised by the engine's own functions (variants.ts), so they are the engine's numbers. A replication then only re-aggregates the tree with its weights and methods, rounds,
 * ranks and tiers, into buffers allocated once (`createWorkspace`), with the engine's
 * `aggregateGroup` fused into an allocation-free kernel of the same operations
 * (fused-aggregate.ts), the engine's weighting step for derived weights and TOPSIS / grey
 * relational (weighted-step.ts), and the engine's `roundColumn`, `rankWithinPartitions` and
 * `assignTiers`, in the engine's order.
 * So with the framework's own options and no weight noise a replication is `score()` bit for bit.
 */
import type { AggregateMethod } from '../../model/framework.js';
import type { Dataset } from '../../model/dataset.js';
import type { ResolvedFramework, ResolvedGroup, ResolvedNode } from '../../model/resolved.js';
import type { IndicatorScores, NodeScores } from '../../model/score-table.js';
import { canonicalRows, datasetOfRows, isIdentity } from '../../score/canonical-rows.js';
import { nodeDocumentPaths } from '../../score/locations.js';
import { allRows, partitionRows, type Partition } from '../../score/partition.js';
import { roundColumn } from '../../score/precision.js';
import { rankWithinPartitions } from '../../score/rank.js';
import { assignTiers, type TierInputs } from '../../tier/assign.js';
import { firstMatchingLevel, readsDimensions } from '../../tier/rules.js';
import { designLayout, optionOf, type DesignLayout } from './design.js';
import { aggregateFused, logColumn } from './fused-aggregate.js';
import type { Assumption, NormaliseOption, SensitivityAggregateOption, SensitivityMissingOption, WinsoriseOption } from './spec.js';
import { nominalVariant, prepareVariants, variantIndex, type Variant, type VariantOptions } from './variants.js';
import { aggregateThroughStep, needsWeightingStep, type StepNode } from './weighted-step.js';

export type { Variant } from './variants.js';

export interface SensitivityModel {
  readonly framework: ResolvedFramework;
  /** The scored rows in canonical order (period, region), excluded rows left out. */
  readonly dataset: Dataset;
  /** For each canonical row, its row in the caller's dataset. */
  readonly sourceRows: Uint32Array;
  readonly periods: Partition;
  /** Every canonical row, and each group's path in the framework document: the weighting step's inputs. */
  readonly allRows: Uint32Array;
  readonly documentPaths: ReadonlyMap<string, readonly (string | number)[]>;
  readonly assumptions: readonly Assumption[];
  readonly layout: DesignLayout;
  /** Normalisation and missing options drawn (['framework'] when not uncertain). */
  readonly normaliseOptions: readonly NormaliseOption[];
  readonly missingOptions: readonly SensitivityMissingOption[];
  /** Winsorisation limits drawn (['framework'] when not uncertain). */
  readonly winsoriseOptions: readonly WinsoriseOption[];
  readonly variantOptions: VariantOptions;
  readonly aggregateOptions: readonly SensitivityAggregateOption[];
  /** variants[variantIndex(variantOptions, normalise, missing, winsorise)]. */
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
  /**
   * Logarithms of columns that do not change once made (variant columns, cached group columns),
   * made the first time a geometric mean reads them: most of a geometric replication's work.
   */
  readonly logColumns: WeakMap<Float64Array, Float64Array>;
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

/** Everything replications share; pure. */
export function prepareModel(framework: ResolvedFramework, dataset: Dataset, assumptions: readonly Assumption[]): SensitivityModel {
  const rows = canonicalRows(dataset);
  const canonical = isIdentity(rows, dataset.rowCount) ? dataset : datasetOfRows(dataset, rows);
  const periods = partitionRows(canonical.period);
  const find = <K extends Assumption['kind']>(kind: K) => assumptions.find((a): a is Extract<Assumption, { kind: K }> => a.kind === kind);
  const normaliseOptions = find('normalise')?.options ?? ['framework'];
  const missingOptions = find('missing')?.options ?? ['framework'];
  const winsoriseOptions: readonly WinsoriseOption[] = find('winsorise')?.options ?? ['framework'];
  const aggregateOptions = find('aggregate')?.options ?? ['framework'];
  const variantOptions: VariantOptions = { normalise: normaliseOptions, missing: missingOptions, winsorise: winsoriseOptions };
  const variants = prepareVariants(framework, canonical, periods, variantOptions);

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
    allRows: allRows(canonical.rowCount),
    documentPaths: nodeDocumentPaths(framework),
    assumptions,
    layout: designLayout(widths),
    normaliseOptions,
    missingOptions,
    winsoriseOptions,
    variantOptions,
    aggregateOptions,
    variants,
    weightNodes,
    weightNoise: Float64Array.from(noise),
    maxRank: Math.max(0, ...periods.rows.map((r) => r.length)),
    tierCount: framework.tiers?.levels.length ?? 0,
    ranksDimensions: framework.tiers?.method === 'rules' && framework.tiers.levels.some((l) => l.rule !== undefined && readsDimensions(l.rule)),
    isCacheable,
    groupCache: new Array<Float64Array | undefined>(framework.groups.length * variants.length * aggregateOptions.length).fill(undefined),
    logColumns: new WeakMap(),
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
  const w = model.winsoriseOptions.indexOf('framework');
  const variant = n >= 0 && m >= 0 && w >= 0 ? model.variants[variantIndex(model.variantOptions, n, m, w)] : undefined;
  return { variant: variant ?? nominalVariant(model.framework, model.dataset, model.periods), combo: -1, aggregate: 'framework', factors: undefined };
}

function slotOf(model: SensitivityModel, node: ResolvedNode): number {
  return node.kind === 'group' ? node.index : model.framework.groups.length + node.index;
}

/** The choices that the input row `ws.input` (uniforms, laid out per assumption) stands for. */
export function scenarioOf(model: SensitivityModel, ws: Workspace): Scenario {
  let normalise = 0;
  let missing = 0;
  let winsorise = 0;
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
      case 'winsorise':
        winsorise = optionOf(ws.input[at]!, assumption.options.length);
        break;
    }
  });
  const variant = variantIndex(model.variantOptions, normalise, missing, winsorise);
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
function childShares(model: SensitivityModel, children: readonly ResolvedNode[], scenario: Scenario): Float64Array {
  const factors = scenario.factors;
  if (!factors) return Float64Array.from(children, (child) => child.share);
  let total = 0;
  for (const child of children) total += child.weight * factors[slotOf(model, child)]!;
  return Float64Array.from(children, (child) => (child.weight * factors[slotOf(model, child)]!) / total);
}

function methodOf(option: SensitivityAggregateOption, own: AggregateMethod): AggregateMethod {
  return option === 'framework' ? own : option;
}

/** One replication: the tree bottom-up, unscored rows, precision, ranks, tiers — the engine's steps in the engine's order. */
export function evaluateScenario(model: SensitivityModel, scenario: Scenario, ws: Workspace): void {
  const { framework, periods } = model;
  const buffers = { presentShare: ws.presentShare, issues: ws.issues };
  // This replication's columns that stay fixed while it runs (a group's cached column); their logarithms can be kept.
  const fixedColumns: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(framework.groups.length);
  const fixedColumnOf = (child: ResolvedNode): Float64Array | undefined => (child.kind === 'group' ? fixedColumns[child.index] : scenario.variant.columns[child.index]);
  const logsOf = (children: readonly ResolvedNode[]): (Float64Array | undefined)[] =>
    children.map((child) => {
      const column = fixedColumnOf(child);
      if (!column) return undefined;
      let logs = model.logColumns.get(column);
      if (!logs) model.logColumns.set(column, (logs = logColumn(column)));
      return logs;
    });
  const aggregateInto = (node: Omit<StepNode, 'method'>, own: AggregateMethod, out: Float64Array): void => {
    const method = methodOf(scenario.aggregate, own);
    const childScores = node.children.map((child) => (child.kind === 'group' ? ws.groupScores[child.index]! : scenario.variant.columns[child.index]!));
    if (method !== 'topsis' && method !== 'grey-relational' && !needsWeightingStep(method, node.weighting)) {
      // The engine's aggregateGroup, fused: same bits, no allocation (fused-aggregate.ts).
      aggregateFused(method, childScores, childShares(model, node.children, scenario), out, method === 'geometric' ? logsOf(node.children) : undefined);
      return;
    }
    ws.issues.fill(0);
    const factors = scenario.factors;
    const childFactors = factors ? Float64Array.from(node.children, (child) => factors[slotOf(model, child)]!) : undefined;
    aggregateThroughStep(model, { ...node, method }, childScores, scenario.variant, childFactors, { ...buffers, out });
  };
  const combos = model.variants.length * model.aggregateOptions.length;
  for (let g = framework.groups.length - 1; g >= 0; g--) {
    const group: ResolvedGroup = framework.groups[g]!;
    const isCached = scenario.combo >= 0 && model.isCacheable[g] === 1;
    const cached = isCached ? model.groupCache[g * combos + scenario.combo] : undefined;
    if (cached) {
      fixedColumns[g] = cached;
      ws.groupScores[g]!.set(cached);
      continue;
    }
    const { id, rho, weighting, children } = group;
    aggregateInto({ id, isTop: false, rho, weighting, children, path: model.documentPaths.get(id) ?? [] }, group.aggregate, ws.groupScores[g]!);
    // A copy: the workspace's column is overwritten below for unscored rows and by later replications.
    if (isCached) model.groupCache[g * combos + scenario.combo] = fixedColumns[g] = Float64Array.from(ws.groupScores[g]!);
  }
  const { id, rho, weighting, dimensions } = framework;
  aggregateInto({ id, isTop: true, rho, weighting, children: dimensions, path: [] }, framework.aggregate, ws.composite);
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
