/**
 * The settings an indicator actually gets — its own field, else `defaults`, else the built-in
 * default — together with where each was written. Rules about transforms and normalisation must
 * judge the effective setting (a `defaults.transform: log` applies to every indicator) but point
 * at the place the author has to change.
 */
import { MissingPolicySchema, NORMALISE_METHODS, TransformSchema, type MissingPolicy, type NormaliseMethod, type Transform } from '../../model/framework.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { FrameworkTree, IndicatorNode } from './framework-tree.js';
import { isMap, isNumber, orderedRangeOf, type UntrustedMap } from './untrusted.js';

export interface Setting<T> {
  readonly value: T;
  /** Where it is written: the indicator's field or `defaults.<field>`; undefined for a built-in default. */
  readonly path: DocumentPath | undefined;
  /** True unless the indicator sets it itself. */
  readonly isInherited: boolean;
}

export interface NormaliseSpec {
  readonly method: NormaliseMethod;
  /** The object form's fields (`min`, `max`, `target`, `rescale`); empty for the bare name. */
  readonly fields: UntrustedMap;
}

/** A constant of a normalisation that a transform also applies to. */
export interface NormaliseConstant {
  readonly name: 'goalpost min' | 'goalpost max' | 'target';
  readonly value: number;
  readonly path: DocumentPath;
}

// Taken from the schema, so a transform or policy added there is recognised here too.
const TRANSFORMS: readonly Transform[] = TransformSchema.options;
const MISSING_POLICIES: readonly MissingPolicy[] = MissingPolicySchema.options;

/** A `normalise` value read leniently: bare method name or `{ method, … }`; undefined if neither. */
export function normaliseSpecOf(value: unknown): NormaliseSpec | undefined {
  const method = isMap(value) ? value['method'] : value;
  const known = NORMALISE_METHODS.find((m) => m === method);
  if (known === undefined) return undefined;
  return { method: known, fields: isMap(value) ? value : {} };
}

/** The goalposts and target of `spec` that are numbers, with their paths under `specPath`. */
export function normaliseConstants(spec: NormaliseSpec, specPath: DocumentPath): NormaliseConstant[] {
  const constants: NormaliseConstant[] = [];
  const add = (name: NormaliseConstant['name'], key: string) => {
    const value = spec.fields[key];
    if (isNumber(value)) constants.push({ name, value, path: [...specPath, key] });
  };
  if (spec.method === 'goalpost') {
    add('goalpost min', 'min');
    add('goalpost max', 'max');
  } else if (spec.method === 'target') {
    add('target', 'target');
  }
  return constants;
}

/** True when z-scores are kept as they are (they are negative for every below-mean region). */
export function keepsRawZScores(spec: NormaliseSpec): boolean {
  return spec.method === 'zscore' && spec.fields['rescale'] === 'none';
}

function effective<T>(
  indicator: IndicatorNode,
  root: UntrustedMap,
  key: string,
  parse: (value: unknown) => T | undefined,
  builtIn: T,
): Setting<T> | undefined {
  const own = indicator.value[key];
  if (own !== undefined) {
    const value = parse(own);
    return value === undefined ? undefined : { value, path: [...indicator.path, key], isInherited: false };
  }
  const defaults = root['defaults'];
  const inherited = isMap(defaults) ? defaults[key] : undefined;
  if (inherited !== undefined) {
    const value = parse(inherited);
    return value === undefined ? undefined : { value, path: ['defaults', key], isInherited: true };
  }
  return { value: builtIn, path: undefined, isInherited: true };
}

/** The normalisation the indicator gets; undefined when the one that applies is malformed. */
export function effectiveNormalise(indicator: IndicatorNode, root: UntrustedMap): Setting<NormaliseSpec> | undefined {
  return effective(indicator, root, 'normalise', normaliseSpecOf, { method: 'minmax', fields: {} });
}

/** The transform the indicator gets; undefined when the one that applies is not a known transform. */
export function effectiveTransform(indicator: IndicatorNode, root: UntrustedMap): Setting<Transform> | undefined {
  return effective(indicator, root, 'transform', (v) => TRANSFORMS.find((t) => t === v), 'none');
}

/** The missing-value policy the indicator gets; undefined when the one that applies is unknown. */
export function effectiveMissing(indicator: IndicatorNode, root: UntrustedMap): Setting<MissingPolicy> | undefined {
  return effective(indicator, root, 'missing', (v) => MISSING_POLICIES.find((p) => p === v), 'reweight');
}

/** An indicator with a usable `range`, and the normalisation it gets, with where that is written. */
export interface RangedNormalisation {
  readonly indicator: IndicatorNode;
  readonly range: { readonly min: number; readonly max: number };
  readonly spec: NormaliseSpec;
  readonly path: DocumentPath;
  readonly isInherited: boolean;
}

/**
 * Every indicator with an ordered range ({@link orderedRangeOf}) normalised by `method`: the
 * indicators whose range the method's assumptions or constants can clash with. Never the
 * built-in `minmax`, which is written nowhere and so has no place to point at.
 */
export function rangedIndicatorsNormalisedBy(tree: FrameworkTree, method: NormaliseMethod): RangedNormalisation[] {
  const root = tree.root;
  if (!root) return [];
  const found: RangedNormalisation[] = [];
  for (const indicator of tree.indicators) {
    const range = orderedRangeOf(indicator.value['range']);
    const normalise = range ? effectiveNormalise(indicator, root) : undefined;
    if (!range || !normalise?.path || normalise.value.method !== method) continue;
    found.push({ indicator, range, spec: normalise.value, path: normalise.path, isInherited: normalise.isInherited });
  }
  return found;
}
