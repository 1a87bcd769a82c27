/**
 * Turns a schema-valid framework into the resolved model: defaults applied, shorthands
 * expanded, sibling weights normalised, a flat index of groups and indicators. Pure; assumes
 * the semantic rules found no errors (unique ids, positive weights, one kind of children).
 */
import type {
  AggregateInput,
  FrameworkInput,
  GroupInput,
  IndicatorInput,
  MissingPolicy,
  NormaliseInput,
  TierRuleInput,
  TiersInput,
  Transform,
  TreatInput,
  Direction,
} from '../model/framework.js';
import type {
  Columns,
  Normalise,
  RegionsDeclaration,
  ResolvedFramework,
  ResolvedGroup,
  ResolvedIndicator,
  ResolvedNode,
  ResolvedTiers,
  TierRule,
  Treatment,
} from '../model/resolved.js';
import type { AggregateMethod, AhpInput, CombineInput, WeightingInput } from '../model/framework.js';
import type { ResolvedWeighting } from '../model/resolved.js';
import { AHP_DEFAULT_MAX_CR, parseAhpEntry } from '../weights/ahp.js';
import { dirname, isAbsolute, join } from 'node:path';

export const DEFAULT_COLUMNS: Columns = { region: 'region', name: 'name', group: 'group', period: 'period' };

function resolveNormalise(input: NormaliseInput | undefined): Normalise {
  if (input === undefined) return { method: 'minmax' };
  if (typeof input === 'string') return input === 'zscore' ? { method: 'zscore', rescale: 'minmax' } : { method: input };
  const spec = input;
  switch (spec.method) {
    case 'goalpost':
      return { method: 'goalpost', min: spec.min, max: spec.max, clip: spec.clip ?? true };
    case 'zscore':
      return { method: 'zscore', rescale: spec.rescale ?? 'minmax' };
    case 'target':
      return { method: 'target', target: spec.target };
    case 'minmax':
    case 'rank':
    case 'none':
      return { method: spec.method };
  }
}

function resolveAggregate(input: AggregateInput | undefined): AggregateMethod {
  if (input === undefined) return 'arithmetic';
  return typeof input === 'string' ? input : input.method;
}

/** ρ of a grey-relational aggregate (default 0.5); undefined for every other method. */
function resolveRho(input: AggregateInput | undefined): number | undefined {
  if (resolveAggregate(input) !== 'grey-relational') return undefined;
  return (typeof input === 'object' ? input.rho : undefined) ?? 0.5;
}

interface WeightingOwnerInput {
  readonly weighting?: WeightingInput | undefined;
  readonly weighting_scope?: 'period' | 'pooled' | undefined;
  readonly ahp?: AhpInput | undefined;
  readonly combine?: CombineInput | undefined;
}

/**
 * The weighting of a group (or of the dimensions): undefined for plain fixed weights. A
 * `combine:` list without `weighting:` means `weighting: combine`; the scope falls back to the
 * framework's `weighting_scope`, then to per period.
 */
function resolveWeighting(owner: WeightingOwnerInput, defaultScope: 'period' | 'pooled'): ResolvedWeighting | undefined {
  const written = typeof owner.weighting === 'string' ? owner.weighting : owner.weighting?.method;
  const method = written ?? (owner.combine ? 'combine' : 'fixed');
  if (method === 'fixed') return undefined;
  const shift = typeof owner.weighting === 'object' ? (owner.weighting.shift ?? 0) : 0;
  return {
    method,
    scope: owner.weighting_scope ?? defaultScope,
    shift,
    ...(owner.ahp
      ? { ahp: { matrix: owner.ahp.matrix.map((row) => row.map((entry) => parseAhpEntry(entry) ?? Number.NaN)), maxCr: owner.ahp.max_cr ?? AHP_DEFAULT_MAX_CR } }
      : {}),
    ...(method === 'combine' && owner.combine ? { combine: owner.combine.map((part) => ({ method: part.method, share: part.share })) } : {}),
  };
}

function resolveTierRule(input: TierRuleInput): TierRule {
  if (input === 'otherwise') return { kind: 'otherwise' };
  if (input.score) return { kind: 'score', bounds: input.score };
  if (input.rank) return { kind: 'rank', bounds: input.rank };
  if (input.percentile) return { kind: 'percentile', bounds: input.percentile };
  if (input.dimension) {
    const { id, ...test } = input.dimension;
    const [measure, bounds] = dimensionTest(test);
    return { kind: 'dimension', id, measure, bounds };
  }
  if (input.any_dimension) {
    const [measure, bounds] = dimensionTest(input.any_dimension);
    return { kind: 'any_dimension', measure, bounds };
  }
  if (input.all) return { kind: 'all', rules: input.all.map(resolveTierRule) };
  if (input.any) return { kind: 'any', rules: input.any.map(resolveTierRule) };
  if (input.not) return { kind: 'not', rule: resolveTierRule(input.not) };
  throw new Error('resolveTierRule: empty rule (the tierRuleHasOneKey rule should have caught it)');
}

function dimensionTest(test: { score?: object | undefined; rank?: object | undefined; percentile?: object | undefined }) {
  if (test.score) return ['score', test.score] as const;
  if (test.rank) return ['rank', test.rank] as const;
  if (test.percentile) return ['percentile', test.percentile] as const;
  throw new Error('dimension test without score, rank or percentile');
}

function resolveTiers(input: TiersInput | undefined): ResolvedTiers | undefined {
  if (!input) return undefined;
  const method = input.method ?? 'rules';
  return {
    method,
    levels: input.levels.map((level) => ({
      id: level.id,
      name: level.name,
      rule: level.rule === undefined ? undefined : resolveTierRule(level.rule),
      color: level.color,
    })),
  };
}

/**
 * `regions: cn-provinces` names a built-in table; a value ending in `.csv` is a file next to the
 * framework. Whether the name or the file exists is the loader's question, not the resolver's.
 */
function resolveRegions(input: string | undefined, frameworkFile: string | undefined): RegionsDeclaration | undefined {
  if (input === undefined) return undefined;
  if (!/\.csv$/iu.test(input)) return { kind: 'builtin', name: input };
  const file = frameworkFile === undefined || isAbsolute(input) ? input : join(dirname(frameworkFile), input);
  return { kind: 'file', path: input, file };
}

/** COINr 1.1.14's Treat() defaults: |skew| 2, kurtosis 3.5, 5 points, then the log. */
export const COINR_TREATMENT: Treatment = { method: 'winsorise', skew: 2, kurtosis: 3.5, maxPoints: 5, fallback: 'log' };

/**
 * An indicator's treatment: its own `treat` over the top-level one over COINr's defaults.
 * A boolean or levels indicator takes no top-level treatment (its values are categories, not a
 * distribution); an explicit one on it is a validation error.
 */
function resolveTreat(own: TreatInput | undefined, top: TreatInput | undefined, isCategorical: boolean): Treatment | undefined {
  if (own === 'none') return undefined;
  if (own === undefined && (top === undefined || top === 'none' || isCategorical)) return undefined;
  const base = top === undefined || top === 'none' ? {} : top;
  const spec = { ...base, ...(own ?? {}) };
  return {
    method: 'winsorise',
    skew: spec.skew ?? COINR_TREATMENT.skew,
    kurtosis: spec.kurtosis ?? COINR_TREATMENT.kurtosis,
    maxPoints: spec.max_points ?? COINR_TREATMENT.maxPoints,
    fallback: spec.fallback ?? COINR_TREATMENT.fallback,
  };
}

/** `rho` and `weighting` only when set, so a framework without them resolves exactly as before. */
function optionalWeighting(rho: number | undefined, weighting: ResolvedWeighting | undefined) {
  return { ...(rho === undefined ? {} : { rho }), ...(weighting === undefined ? {} : { weighting }) };
}

interface IndicatorDefaults {
  readonly normalise: Normalise;
  readonly missing: MissingPolicy;
  readonly transform: Transform;
  readonly direction: Direction;
}

/** Absent rather than `treat: undefined`, so an untreated indicator resolves exactly as before. */
function optionalTreat(treat: Treatment | undefined): { treat?: Treatment } {
  return treat === undefined ? {} : { treat };
}

export interface ResolveOptions {
  readonly file?: string;
  readonly sha256?: string;
}

export function resolveFramework(input: FrameworkInput, options: ResolveOptions = {}): ResolvedFramework {
  const defaults: IndicatorDefaults = {
    normalise: resolveNormalise(input.defaults?.normalise),
    missing: input.defaults?.missing ?? 'reweight',
    transform: input.defaults?.transform ?? 'none',
    direction: input.defaults?.direction ?? 'positive',
  };
  const defaultScope = input.weighting_scope ?? 'period';
  // Slots reserved in pre-order (a parent before its children), filled once the group is built.
  const groupSlots: (ResolvedGroup | undefined)[] = [];
  const indicators: ResolvedIndicator[] = [];
  const nodeById = new Map<string, ResolvedNode>();

  const shareOf = (weights: readonly (number | undefined)[]) => {
    const total = weights.reduce<number>((sum, w) => sum + (w ?? 1), 0);
    return (w: number | undefined) => (w ?? 1) / total;
  };

  const resolveIndicator = (ind: IndicatorInput, share: number, path: readonly string[]): ResolvedIndicator => {
    const resolved: ResolvedIndicator = {
      kind: 'indicator',
      id: ind.id,
      name: ind.name,
      description: ind.description,
      source: ind.source,
      unit: ind.unit,
      levels: ind.levels,
      direction: ind.direction ?? defaults.direction,
      weight: ind.weight ?? 1,
      share,
      transform: ind.transform ?? defaults.transform,
      normalise: ind.normalise === undefined ? defaults.normalise : resolveNormalise(ind.normalise),
      range: ind.range,
      missing: ind.missing ?? defaults.missing,
      ...(ind.denominator === undefined ? {} : { denominator: { column: ind.denominator, factor: ind.denominator_factor ?? 1 } }),
      ...optionalTreat(resolveTreat(ind.treat, input.treat, ind.levels !== undefined || ind.unit === 'boolean')),
      index: indicators.length,
      path,
    };
    indicators.push(resolved);
    nodeById.set(resolved.id, resolved);
    return resolved;
  };

  const resolveGroup = (group: GroupInput, share: number, path: readonly string[]): ResolvedGroup => {
    const index = groupSlots.length;
    const childPath = [...path, group.id];
    groupSlots.push(undefined);
    let children: ResolvedNode[];
    if (group.groups && group.groups.length > 0) {
      const share = shareOf(group.groups.map((g) => g.weight));
      children = group.groups.map((g) => resolveGroup(g, share(g.weight), childPath));
    } else {
      const list = group.indicators ?? [];
      const share = shareOf(list.map((i) => i.weight));
      children = list.map((i) => resolveIndicator(i, share(i.weight), childPath));
    }
    const resolved: ResolvedGroup = {
      kind: 'group',
      id: group.id,
      name: group.name,
      description: group.description,
      weight: group.weight ?? 1,
      share,
      aggregate: resolveAggregate(group.aggregate),
      ...optionalWeighting(resolveRho(group.aggregate), resolveWeighting(group, defaultScope)),
      children,
      depth: path.length + 1,
      index,
      path,
    };
    groupSlots[index] = resolved;
    nodeById.set(resolved.id, resolved);
    return resolved;
  };

  const dimensionShare = shareOf(input.dimensions.map((d) => d.weight));
  const dimensions = input.dimensions.map((d) => resolveGroup(d, dimensionShare(d.weight), []));

  return {
    format: 'dgmi/1',
    id: input.id,
    name: input.name,
    version: input.version,
    source: input.source,
    description: input.description,
    scale: input.scale ?? 100,
    precision: input.precision,
    columns: { ...DEFAULT_COLUMNS, ...input.columns },
    regions: resolveRegions(input.regions, options.file),
    aggregate: resolveAggregate(input.aggregate),
    ...optionalWeighting(resolveRho(input.aggregate), resolveWeighting(input, defaultScope)),
    dimensions,
    groups: groupSlots.filter((g): g is ResolvedGroup => g !== undefined),
    indicators,
    nodeById,
    tiers: resolveTiers(input.tiers),
    ...(input.screen === undefined ? {} : { screen: { minCoverage: input.screen.min_coverage } }),
    file: options.file,
    sha256: options.sha256,
  };
}
