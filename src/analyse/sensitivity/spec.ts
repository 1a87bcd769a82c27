/**
 * The uncertainty file of `dgmi sensitivity --spec uncertainty.yaml` (format
 * `dgmi-sensitivity/1`) as a zod schema: which assumptions of the framework are uncertain and
 * what they may be instead. Shape only; the checks against a framework live in `spec-check.ts`.
 * The TSDoc on each field is user documentation (docs/sensitivity.md repeats it).
 */
import { z } from 'zod';
import { AGGREGATE_METHODS, MissingPolicySchema } from '../../model/framework.js';
import { SENSITIVITY_METHODS } from './methods.js';

export { SENSITIVITY_METHODS };

export const SENSITIVITY_FORMAT = 'dgmi-sensitivity/1';

/** Normalisations a replication may use instead of the framework's: each must fit every indicator. */
export const SENSITIVITY_NORMALISE_OPTIONS = ['framework', 'minmax', 'zscore', 'zscore-raw', 'rank', 'goalpost', 'target', 'none'] as const;
export type SensitivityNormaliseOption = (typeof SENSITIVITY_NORMALISE_OPTIONS)[number];

export const SENSITIVITY_AGGREGATE_OPTIONS = ['framework', ...AGGREGATE_METHODS] as const;
export type SensitivityAggregateOption = (typeof SENSITIVITY_AGGREGATE_OPTIONS)[number];

export const SENSITIVITY_MISSING_OPTIONS = ['framework', ...MissingPolicySchema.options] as const;
export type SensitivityMissingOption = (typeof SENSITIVITY_MISSING_OPTIONS)[number];

export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** One level of weights made uncertain. Example: `{ level: 1, noise: 0.25 }` — each dimension weight × U(0.75, 1.25). */
export const WeightNoiseSchema = z.strictObject({
  /** 1 = the dimensions, 2 = their sub-groups, …; `indicators` = the indicators' weights. */
  level: z.union([z.number().int().min(1), z.literal('indicators')]).meta({ description: '1 = dimensions, 2 = their sub-groups, …, or indicators. Example: 1' }),
  /** Each weight of the level is multiplied by U(1 − noise, 1 + noise), independently; 0 ≤ noise < 1. */
  noise: z.number().min(0).lt(1).meta({ description: 'Each weight × U(1 − noise, 1 + noise); 0 ≤ noise < 1. Example: 0.25' }),
});

/**
 * A normalisation with its output range spelt out, as COINr's uncertainty analysis draws them:
 * min–max onto [lo, hi] (`{ method: minmax, range: [1, 100] }`), or z-scores with a chosen
 * mean and sd (`{ method: zscore, mean: 10, sd: 2 }`), which keeps them positive for a
 * geometric mean. Direction is applied first (a negative indicator is flipped or negated).
 */
export const MinMaxRangeOptionSchema = z.strictObject({
  method: z.literal('minmax'),
  range: z.tuple([z.number(), z.number()]).meta({ description: 'Output range [lo, hi]. Example: [1, 100]' }),
});
export const ZScoreOptionSchema = z.strictObject({
  method: z.literal('zscore'),
  mean: z.number().meta({ description: 'Mean of the output. Example: 10' }),
  sd: z.number().positive().meta({ description: 'Standard deviation of the output, > 0. Example: 2' }),
});
export const NormaliseOptionSchema = z.union([z.enum(SENSITIVITY_NORMALISE_OPTIONS), MinMaxRangeOptionSchema, ZScoreOptionSchema]);
export type NormaliseOption = z.infer<typeof NormaliseOptionSchema>;

export const AssumptionsSchema = z.strictObject({
  /** Weight noise, per level. Together they are one assumption ("weights"). */
  weights: z.array(WeightNoiseSchema).min(1).optional().meta({ description: 'Weight noise per level. Example: [{ level: 1, noise: 0.25 }]' }),
  /** Alternative normalisations for every indicator, drawn uniformly; `framework` = as the framework says. */
  normalise: z.array(NormaliseOptionSchema).min(1).optional().meta({ description: 'Example: [framework, { method: zscore, mean: 10, sd: 2 }]' }),
  /** Alternative aggregations for every group and the composite, drawn uniformly; `framework` = as written. */
  aggregate: z.array(z.enum(SENSITIVITY_AGGREGATE_OPTIONS)).min(1).optional().meta({ description: 'Example: [arithmetic, geometric]' }),
  /** Alternative missing-value policies for every indicator, drawn uniformly; `framework` = as written. */
  missing: z.array(z.enum(SENSITIVITY_MISSING_OPTIONS)).min(1).optional().meta({ description: 'Example: [reweight, mean]' }),
  /**
   * Winsorisation limits (COINr's `winmax`): the most points outlier treatment may winsorise,
   * drawn uniformly and applied to every indicator the framework treats. Example: [1, 2, 3, 4, 5].
   */
  winsorise: z
    .array(z.number().int().min(0).max(1000))
    .min(1)
    .optional()
    .meta({ description: 'Winsorisation limits (max_points) of outlier treatment, drawn uniformly; the framework must treat. Example: [1, 2, 3, 4, 5]' }),
});

export const SensitivitySpecSchema = z.strictObject({
  format: z.literal(SENSITIVITY_FORMAT).optional().meta({ description: 'Example: dgmi-sensitivity/1' }),
  /** Replications (uncertainty) or the base sample N (sobol: N × (k + 2) replications). `--runs` overrides. */
  runs: z.number().int().min(1).max(10_000_000).optional().meta({ description: 'Example: 1000' }),
  /** Seed of the random streams (an integer 0 … 2³² − 1); the same seed gives the same bytes. `--seed` overrides. */
  seed: z.number().int().min(0).max(0xffffffff).optional().meta({ description: 'Example: 42' }),
  /** uncertainty: rank statistics only; sobol: also first-order and total Sobol indices. `--method` overrides. */
  method: z.enum(SENSITIVITY_METHODS).optional(),
  /** Bootstrap resamples for the Sobol confidence intervals (default 1000). */
  bootstrap: z.number().int().min(10).max(100_000).optional(),
  assumptions: AssumptionsSchema,
});

export type SensitivitySpecInput = z.infer<typeof SensitivitySpecSchema>;
export type WeightNoise = z.infer<typeof WeightNoiseSchema>;

/** A winsorisation limit: a number of points, or (internally, for the nominal run) each indicator's own. */
export type WinsoriseOption = number | 'framework';

/** The uncertain assumptions after checking, in a fixed order (weights, normalise, aggregate, missing, winsorise). */
export type Assumption =
  | { readonly kind: 'weights'; readonly levels: readonly WeightNoise[] }
  | { readonly kind: 'normalise'; readonly options: readonly NormaliseOption[] }
  | { readonly kind: 'aggregate'; readonly options: readonly SensitivityAggregateOption[] }
  | { readonly kind: 'missing'; readonly options: readonly SensitivityMissingOption[] }
  | { readonly kind: 'winsorise'; readonly options: readonly number[] };

/** A checked spec: every default filled in. */
export interface SensitivitySpec {
  readonly method: SensitivityMethod;
  /** Uncertainty: replications; sobol: the base sample N. */
  readonly runs: number;
  readonly seed: number;
  readonly bootstrap: number;
  readonly assumptions: readonly Assumption[];
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_BOOTSTRAP = 1000;

/** A normalisation option as one short word for people and ids: `minmax`, `minmax[1,100]`, `zscore(10,2)`. */
export function normaliseOptionLabel(option: NormaliseOption): string {
  if (typeof option === 'string') return option;
  return option.method === 'minmax' ? `minmax[${option.range[0]},${option.range[1]}]` : `zscore(${option.mean},${option.sd})`;
}
