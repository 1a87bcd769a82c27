/**
 * The framework after validation and resolution: defaults applied, shorthands expanded,
 * weights normalised among siblings, every node reachable by id. This is what the engine,
 * the tier rules and the analyses consume; they never look at raw YAML.
 */
import type { AggregateMethod, Bounds, CombinableMethod, Direction, MissingPolicy, Transform, WeightingMethod } from './framework.js';
import type { LocalizedText } from './i18n.js';

export type Normalise =
  | { readonly method: 'minmax' }
  | { readonly method: 'goalpost'; readonly min: number; readonly max: number; readonly clip: boolean }
  | { readonly method: 'zscore'; readonly rescale: 'minmax' | 'none' }
  | { readonly method: 'rank' }
  | { readonly method: 'target'; readonly target: number }
  | { readonly method: 'none' };

export interface ResolvedIndicator {
  readonly kind: 'indicator';
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText | undefined;
  readonly source?: string | undefined;
  readonly unit?: string | undefined;
  readonly levels?: Readonly<Record<string, number>> | undefined;
  readonly direction: Direction;
  /** Weight as written in the file. */
  readonly weight: number;
  /** Weight divided by the sum of its siblings' weights (before any missing-value reweighting). */
  readonly share: number;
  readonly transform: Transform;
  readonly normalise: Normalise;
  readonly range?: readonly [number, number] | undefined;
  readonly missing: MissingPolicy;
  /** `denominator`/`denominator_factor`: the raw value becomes value / column × factor. */
  readonly denominator?: Denominator | undefined;
  /** Outlier treatment after imputation and screening; absent = none. */
  readonly treat?: Treatment | undefined;
  /** Position in `ResolvedFramework.indicators`, and so the column of the dataset. */
  readonly index: number;
  /** Ids of the ancestors, dimension first, parent last. */
  readonly path: readonly string[];
}

export interface Denominator {
  /** The submission column divided by (not an indicator). */
  readonly column: string;
  readonly factor: number;
}

/** COINr's outlier rule with its limits resolved (top-level treat, then the indicator's own, then COINr's defaults). */
export interface Treatment {
  readonly method: 'winsorise';
  readonly skew: number;
  readonly kurtosis: number;
  readonly maxPoints: number;
  readonly fallback: 'log' | 'none';
}

/**
 * How a group's children (or the framework's dimensions) are weighted when not simply by their
 * `weight:` fields. Absent on a node means `fixed`.
 */
export interface ResolvedWeighting {
  readonly method: WeightingMethod;
  /** Derive data-driven weights per period, or once over every period pooled. */
  readonly scope: 'period' | 'pooled';
  /** entropy: added to the min–max normalised values. */
  readonly shift: number;
  /** The pairwise matrix, fractions read as numbers (present for `ahp`, or `combine` with ahp). */
  readonly ahp?: { readonly matrix: readonly (readonly number[])[]; readonly maxCr: number } | undefined;
  /** The mix of a `combine` weighting. */
  readonly combine?: readonly { readonly method: CombinableMethod; readonly share: number }[] | undefined;
}

export interface ResolvedGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText | undefined;
  readonly weight: number;
  readonly share: number;
  readonly aggregate: AggregateMethod;
  /** grey-relational: the distinguishing coefficient ρ. */
  readonly rho?: number | undefined;
  /** How the children are weighted; absent: fixed (`share`). */
  readonly weighting?: ResolvedWeighting | undefined;
  /** Either all groups or all indicators. */
  readonly children: readonly ResolvedNode[];
  /** 1 for a dimension, 2 for its sub-groups, … */
  readonly depth: number;
  /** Position in `ResolvedFramework.groups`. */
  readonly index: number;
  readonly path: readonly string[];
}

export type ResolvedNode = ResolvedGroup | ResolvedIndicator;

export type TierRule =
  | { readonly kind: 'otherwise' }
  | { readonly kind: 'score'; readonly bounds: Bounds }
  | { readonly kind: 'rank'; readonly bounds: Bounds }
  | { readonly kind: 'percentile'; readonly bounds: Bounds }
  | { readonly kind: 'dimension'; readonly id: string; readonly measure: 'score' | 'rank' | 'percentile'; readonly bounds: Bounds }
  | { readonly kind: 'any_dimension'; readonly measure: 'score' | 'rank' | 'percentile'; readonly bounds: Bounds }
  | { readonly kind: 'all'; readonly rules: readonly TierRule[] }
  | { readonly kind: 'any'; readonly rules: readonly TierRule[] }
  | { readonly kind: 'not'; readonly rule: TierRule };

export interface TierLevel {
  readonly id: string;
  readonly name: LocalizedText;
  /** Absent under natural breaks. */
  readonly rule?: TierRule | undefined;
  readonly color?: string | undefined;
}

export interface ResolvedTiers {
  readonly method: 'rules' | 'natural-breaks';
  /** Best first. */
  readonly levels: readonly TierLevel[];
}

export interface Columns {
  readonly region: string;
  readonly name: string;
  readonly group: string;
  readonly period: string;
}

/**
 * The region list a framework declares (`regions:`): a table built into dgmi, named, or a CSV
 * file of its own. Only the declaration: the table itself is read by the loader.
 */
export type RegionsDeclaration =
  | { readonly kind: 'builtin'; readonly name: string }
  | {
      readonly kind: 'file';
      /** As written in the framework, relative to the framework file. */
      readonly path: string;
      /** The path to read: `path` joined onto the framework file's folder (or `path` for an in-memory framework). */
      readonly file: string;
    };

export interface ResolvedFramework {
  readonly format: 'dgmi/1';
  readonly id: string;
  readonly name: LocalizedText;
  readonly version?: string | undefined;
  readonly source?: string | undefined;
  readonly description?: LocalizedText | undefined;
  readonly scale: number;
  readonly precision?: number | undefined;
  readonly columns: Columns;
  /** Absent: regions are free-form codes. */
  readonly regions?: RegionsDeclaration | undefined;
  /** How the dimensions combine into the composite. */
  readonly aggregate: AggregateMethod;
  /** grey-relational at the top: the distinguishing coefficient ρ. */
  readonly rho?: number | undefined;
  /** How the dimensions are weighted; absent: fixed. */
  readonly weighting?: ResolvedWeighting | undefined;
  readonly dimensions: readonly ResolvedGroup[];
  /** Every group (dimensions and sub-groups), parents before children (pre-order). */
  readonly groups: readonly ResolvedGroup[];
  /** Every indicator, in file order; `indicators[i].index === i`. */
  readonly indicators: readonly ResolvedIndicator[];
  readonly nodeById: ReadonlyMap<string, ResolvedNode>;
  readonly tiers?: ResolvedTiers | undefined;
  /** `screen: { min_coverage }`: units whose share of values present after imputation is below it are not scored. */
  readonly screen?: { readonly minCoverage: number } | undefined;
  /** Provenance: the file it came from and the sha256 of its bytes (absent for in-memory frameworks). */
  readonly file?: string | undefined;
  readonly sha256?: string | undefined;
}
