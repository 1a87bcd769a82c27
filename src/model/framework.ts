/**
 * The indicator framework file, format `dgmi/1`, as a zod schema. The TSDoc on each field is
 * user documentation: it is copied into `indicators/framework.schema.json` (via `.meta`) so
 * editors show it. This module holds shape only; semantic checks live in `src/validate`.
 */
import { z } from 'zod';

export const FORMAT = 'dgmi/1';

/** A label in Chinese and/or English. Example: `{ zh: 组织机构, en: Organization }`. */
export const LocalizedTextSchema = z
  .strictObject({
    zh: z.string().min(1).optional().meta({ description: 'Chinese label. Example: 组织机构' }),
    en: z.string().min(1).optional().meta({ description: 'English label. Example: Organization' }),
  })
  .meta({ id: 'LocalizedText', description: 'A label in Chinese (zh) and/or English (en); give both where a person reads it. Example: { zh: 组织机构, en: Organization }' });

/**
 * An identifier. Strings only: YAML reads `1.10` as the number 1.1 and `010` as 10, so a number
 * where an id belongs is an error rather than a silent change.
 */
export const IdSchema = z
  .string()
  .min(1)
  .regex(/^[^\s,;]+$/u, 'an id has no spaces, commas or semicolons')
  .meta({ description: 'Identifier, unique across the whole file; a string without spaces. Example: chief_data_officer' });

export const DirectionSchema = z
  .enum(['positive', 'negative'])
  .meta({ description: 'positive: higher is better; negative: lower is better (the normalised value x becomes 1 − x). Example: negative' });

export const TransformSchema = z
  .enum(['none', 'log', 'log10', 'log1p', 'sqrt'])
  .meta({ description: 'Applied to the raw value and to the method constants (goalposts, target) before normalising. Example: log' });

export const MissingPolicySchema = z
  .enum(['fail', 'reweight', 'zero', 'mean', 'median', 'group-mean'])
  .meta({
    description:
      'What a missing value does. fail: error; reweight: dropped, siblings reweighted (COINr default); zero: normalised value 0 (OECD DGI); mean/median/group-mean: raw value imputed from the same period (and group). Example: reweight',
  });

const MinMaxSchema = z
  .strictObject({ method: z.literal('minmax') })
  .meta({ description: '(x − min)/(max − min) over the regions of the same period.' });
const GoalpostSchema = z
  .strictObject({
    method: z.literal('goalpost'),
    min: z.number().meta({ description: 'Lower goalpost (maps to 0). Example: 0' }),
    max: z.number().meta({ description: 'Upper goalpost (maps to 1). Example: 100' }),
    clip: z.boolean().optional().meta({ description: 'Clip the result to [0, 1]. Default true.' }),
  })
  .meta({ description: '(x − min)/(max − min) with fixed goalposts (HDI style).' });
const ZScoreSchema = z
  .strictObject({
    method: z.literal('zscore'),
    rescale: z.enum(['minmax', 'none']).optional().meta({ description: 'minmax (default, UN EGDI): min–max the z-scores onto [0, 1]; none: keep z-scores.' }),
  })
  .meta({ description: 'Standard score (x − mean)/sd over the period (sample sd).' });
const RankSchema = z
  .strictObject({ method: z.literal('rank') })
  .meta({ description: 'Percentile rank (r − 1)/(n − 1), tied values sharing their average rank.' });
const TargetSchema = z
  .strictObject({
    method: z.literal('target'),
    target: z.number().meta({ description: 'The value that counts as fully achieved. Example: 95' }),
  })
  .meta({ description: 'Distance to target: min(x/target, 1); for a negative indicator min(target/x, 1).' });
const NoneSchema = z.strictObject({ method: z.literal('none') }).meta({ description: 'Values are already on [0, 1].' });

export const NORMALISE_METHODS = ['minmax', 'goalpost', 'zscore', 'rank', 'target', 'none'] as const;
export type NormaliseMethod = (typeof NORMALISE_METHODS)[number];

/** Normalisation: an object with `method`, or the bare method name where it takes no parameters. */
export const NormaliseSchema = z
  .union([
    z.enum(['minmax', 'zscore', 'rank', 'none']),
    z.discriminatedUnion('method', [MinMaxSchema, GoalpostSchema, ZScoreSchema, RankSchema, TargetSchema, NoneSchema]),
  ])
  .meta({ id: 'Normalise', description: 'How raw values map onto [0, 1] before scaling. Example: { method: goalpost, min: 0, max: 100 }' });

export const AGGREGATE_METHODS = ['arithmetic', 'geometric', 'harmonic', 'minimum', 'topsis', 'grey-relational'] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

export const AggregateSchema = z
  .union([
    z.enum(AGGREGATE_METHODS),
    z.strictObject({
      method: z
        .enum(AGGREGATE_METHODS)
        .meta({
          description:
            'arithmetic (weighted mean), geometric, harmonic, minimum (weakest link; weights ignored), topsis (closeness to the ideal region, per period), grey-relational (grey relational grade to the ideal sequence, per period).',
        }),
      rho: z.number().optional().meta({ description: 'grey-relational only: the distinguishing coefficient ρ in (0, 1]. Default 0.5.' }),
    }),
  ])
  .meta({ id: 'Aggregate', description: 'How a group combines its children. Example: { method: geometric }' });

// ── Data-driven weighting (issue 12) ─────────────────────────────────────────────────────────
export const WEIGHTING_METHODS = ['fixed', 'entropy', 'critic', 'cv', 'pca', 'ahp', 'combine'] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];
/** The methods a `combine` entry may name: anything but `combine` itself. */
export const COMBINABLE_METHODS = ['fixed', 'entropy', 'critic', 'cv', 'pca', 'ahp'] as const;
export type CombinableMethod = (typeof COMBINABLE_METHODS)[number];

const WEIGHTING_DESCRIPTION =
  "How the children's weights are set. fixed (default): their `weight:` fields; entropy (熵权法), critic, cv (coefficient of variation), pca (squared first-component loadings): derived from the data per period (or pooled, see weighting_scope); ahp: from the `ahp:` pairwise matrix; combine: a mix given by `combine:`.";

export const WeightingSchema = z
  .union([
    z.enum(WEIGHTING_METHODS),
    z.strictObject({
      method: z.enum(WEIGHTING_METHODS).meta({ description: WEIGHTING_DESCRIPTION }),
      shift: z.number().optional().meta({ description: 'entropy only: added to the min–max normalised values before p_ij is taken. Default 0. Example: 0.0001' }),
    }),
  ])
  .meta({ id: 'Weighting', description: `${WEIGHTING_DESCRIPTION} Example: entropy` });

export const WeightingScopeSchema = z
  .enum(['period', 'pooled'])
  .meta({ description: 'Over which rows data-driven weights are derived: each period apart (default), or every period pooled into one set of weights. Example: pooled' });

export const AhpSchema = z
  .strictObject({
    matrix: z
      .array(z.array(z.union([z.number(), z.string()])))
      .meta({ description: 'Pairwise comparisons a_ij (Saaty 1–9 scale) in the order of the children, reciprocal (a_ji = 1/a_ij); fractions may be written as strings. Example: [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]' }),
    max_cr: z.number().optional().meta({ description: 'A consistency ratio from 0.1 up to (not including) this is accepted with a warning instead of an error. Example: 0.15' }),
  })
  .meta({ id: 'Ahp', description: 'The AHP pairwise comparison matrix of the children (层次分析法判断矩阵).' });

export const CombineSchema = z
  .array(
    z.strictObject({
      method: z.enum(COMBINABLE_METHODS).meta({ description: 'A weighting method. Example: ahp' }),
      share: z.number().meta({ description: 'Its share in the mix, > 0; shares are normalised to sum 1. Example: 0.5' }),
    }),
  )
  .meta({ id: 'Combine', description: 'Combined weighting (组合赋权): w = Σ share·w(method) / Σ share. Example: [{ method: ahp, share: 0.5 }, { method: entropy, share: 0.5 }]' });

/** The weighting keys a group, or the framework for its dimensions, may carry. */
export const WEIGHTING_FIELDS = {
  weighting: WeightingSchema.optional(),
  weighting_scope: WeightingScopeSchema.optional(),
  ahp: AhpSchema.optional(),
  combine: CombineSchema.optional(),
};

export type WeightingInput = z.infer<typeof WeightingSchema>;
export type AhpInput = z.infer<typeof AhpSchema>;
export type CombineInput = z.infer<typeof CombineSchema>;
// ─────────────────────────────────────────────────────────────────────────────────────────────

export const WeightSchema = z
  .number()
  .meta({ description: 'Weight relative to siblings (normalised automatically); finite and > 0. Example: 10' });

export const RangeSchema = z
  .tuple([z.number(), z.number()])
  .meta({ description: 'Valid input range [min, max], inclusive; a value outside is an error. Example: [0, 100]' });

// ── Data preparation (issue 10): denominators, screening, outlier treatment — see docs/preparation.md ──
/** COINr's outlier rule: winsorise one extreme at a time while |skew| ≥ skew and kurtosis ≥ kurtosis, else log. */
export const TreatSpecSchema = z
  .strictObject({
    method: z.literal('winsorise').meta({ description: 'Winsorise the most extreme value (ties together), one at a time, while the column fails the skew/kurtosis test.' }),
    skew: z.number().optional().meta({ description: 'Absolute skewness (type 2) at or above which a column may fail. Default 2.' }),
    kurtosis: z.number().optional().meta({ description: 'Excess kurtosis (type 2) at or above which a column may fail. Default 3.5.' }),
    max_points: z.number().optional().meta({ description: 'Most points winsorised per indicator and period. Default 5.' }),
    fallback: z
      .enum(['log', 'none'])
      .optional()
      .meta({ description: 'When max_points do not pass the test: log (default; ln(x − min + 0.01·(max − min)) on the untreated column) or none (keep the winsorised column).' }),
  })
  .meta({ id: 'Treat', description: 'Outlier treatment (COINr). Example: { method: winsorise, skew: 2, kurtosis: 3.5, max_points: 5, fallback: log }' });

export const TreatSchema = z
  .union([z.literal('none'), TreatSpecSchema])
  .meta({ id: 'TreatOrNone', description: "Outlier treatment: 'none', or winsorise with its limits (fields left out come from the top-level treat, then COINr's defaults)." });

export const ScreenSchema = z
  .strictObject({
    min_coverage: z.number().meta({ description: 'Share (0, 1] of indicators a unit must have a value for (after imputation); units below it are listed and not scored. Example: 0.9' }),
  })
  .meta({ id: 'Screen', description: 'Drop units with too little data. Example: { min_coverage: 0.9 }' });

export const IndicatorSchema = z
  .strictObject({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional().meta({ description: 'Definition of the indicator, for forms and reports.' }),
    source: z.string().optional().meta({ description: 'Where the value comes from. Example: 省级政务服务平台统计' }),
    unit: z
      .string()
      .optional()
      .meta({ description: 'Unit. `percent` (or `%`) lets cells be written `85%`; `boolean` accepts 是/否, yes/no, true/false, 1/0. Example: percent' }),
    levels: z
      .record(z.string(), z.number())
      .optional()
      .meta({ description: 'Text answers mapped to values. Example: { 未建立: 0, 试点: 1, 全面推行: 2 }' }),
    direction: DirectionSchema.optional(),
    weight: WeightSchema.optional(),
    transform: TransformSchema.optional(),
    normalise: NormaliseSchema.optional(),
    range: RangeSchema.optional(),
    missing: MissingPolicySchema.optional(),
    denominator: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'A non-indicator column of the submission the raw value is divided by (per capita, per GDP…). Example: Population' }),
    denominator_factor: z.number().optional().meta({ description: 'Multiplies value/denominator, e.g. 10000 for "per 10,000". Default 1.' }),
    treat: TreatSchema.optional(),
  })
  .meta({ id: 'Indicator', description: 'A measured quantity, one column of a submission.' });

export type IndicatorInput = z.infer<typeof IndicatorSchema>;

/** A group of indicators or of further groups. `groups` and `indicators` are exclusive. */
export interface GroupInput {
  id: string;
  name: z.infer<typeof LocalizedTextSchema>;
  description?: z.infer<typeof LocalizedTextSchema> | undefined;
  weight?: number | undefined;
  aggregate?: z.infer<typeof AggregateSchema> | undefined;
  weighting?: WeightingInput | undefined;
  weighting_scope?: z.infer<typeof WeightingScopeSchema> | undefined;
  ahp?: AhpInput | undefined;
  combine?: CombineInput | undefined;
  groups?: GroupInput[] | undefined;
  indicators?: IndicatorInput[] | undefined;
}

export const GroupSchema: z.ZodType<GroupInput> = z
  .strictObject({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional().meta({ description: 'What the group covers.' }),
    weight: WeightSchema.optional(),
    aggregate: AggregateSchema.optional(),
    ...WEIGHTING_FIELDS,
    get groups() {
      return z.array(GroupSchema).optional().meta({ description: 'Sub-groups (exclusive with indicators).' });
    },
    indicators: z.array(IndicatorSchema).optional().meta({ description: 'Indicators (exclusive with groups).' }),
  })
  .meta({ id: 'Group', description: 'A dimension or sub-group: either groups or indicators, never both.' });

const BoundsSchema = z
  .strictObject({
    min: z.number().optional().meta({ description: 'Inclusive lower bound.' }),
    max: z.number().optional().meta({ description: 'Inclusive upper bound.' }),
  })
  .meta({ id: 'Bounds', description: 'Inclusive bounds; either may be omitted. Example: { max: 4 }' });

const DimensionTestSchema = z
  .strictObject({
    score: BoundsSchema.optional(),
    rank: BoundsSchema.optional(),
    percentile: BoundsSchema.optional(),
  })
  .meta({ id: 'DimensionTest', description: 'A test on a dimension: exactly one of score, rank, percentile.' });

/** A tier rule: `otherwise`, or an object with exactly one key. */
export type TierRuleInput =
  | 'otherwise'
  | {
      score?: z.infer<typeof BoundsSchema> | undefined;
      rank?: z.infer<typeof BoundsSchema> | undefined;
      percentile?: z.infer<typeof BoundsSchema> | undefined;
      dimension?: ({ id: string } & z.infer<typeof DimensionTestSchema>) | undefined;
      any_dimension?: z.infer<typeof DimensionTestSchema> | undefined;
      all?: TierRuleInput[] | undefined;
      any?: TierRuleInput[] | undefined;
      not?: TierRuleInput | undefined;
    };

export const TierRuleSchema: z.ZodType<TierRuleInput> = z
  .union([
    z.literal('otherwise'),
    z.strictObject({
      score: BoundsSchema.optional().meta({ description: 'Composite score (after precision) within bounds. Example: { min: 80 }' }),
      rank: BoundsSchema.optional().meta({ description: 'Competition rank within the period. Example: { max: 4 }' }),
      percentile: BoundsSchema.optional().meta({ description: 'Share (0–1) of the period’s regions scoring ≤ this one. Example: { min: 0.9 }' }),
      dimension: DimensionTestSchema.extend({ id: IdSchema })
        .optional()
        .meta({ description: 'A test on one dimension. Example: { id: effect, rank: { max: 3 } }' }),
      any_dimension: DimensionTestSchema.optional().meta({ description: 'Holds when the test holds for any dimension. Example: { rank: { max: 3 } }' }),
      get all() {
        return z.array(TierRuleSchema).optional().meta({ description: 'All rules hold.' });
      },
      get any() {
        return z.array(TierRuleSchema).optional().meta({ description: 'At least one rule holds.' });
      },
      get not() {
        return TierRuleSchema.optional().meta({ description: 'The rule does not hold.' });
      },
    }),
  ])
  .meta({ id: 'TierRule', description: "A tier rule: 'otherwise', or an object with exactly one key. Bounds are inclusive." });

export const TierLevelSchema = z
  .strictObject({
    id: IdSchema,
    name: LocalizedTextSchema,
    rule: TierRuleSchema.optional().meta({ description: 'When a region belongs here (rules method). Example: { rank: { max: 4 } }' }),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/u)
      .optional()
      .meta({ description: 'Colour for charts and tables. Example: "#1f77b4"' }),
  })
  .meta({ id: 'TierLevel', description: 'One tier, best first.' });

export const TiersSchema = z
  .strictObject({
    method: z
      .enum(['rules', 'natural-breaks'])
      .optional()
      .meta({ description: 'rules (default): first level whose rule holds; natural-breaks: Jenks classes of the composite, one per level.' }),
    levels: z.array(TierLevelSchema).min(1).meta({ description: 'Tiers, best first.' }),
  })
  .meta({ id: 'Tiers', description: 'How regions are put into tiers.' });

export const ColumnsSchema = z
  .strictObject({
    region: z.string().min(1).optional().meta({ description: 'Column holding the region code. Default: region' }),
    name: z.string().min(1).optional().meta({ description: 'Column holding the region name. Default: name' }),
    group: z.string().min(1).optional().meta({ description: 'Column holding the region group (east/central/west…). Default: group' }),
    period: z.string().min(1).optional().meta({ description: 'Column holding the period (year). Default: period' }),
  })
  .meta({ description: 'Names of the submission columns that are not indicators.' });

export const FrameworkSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors.' }),
    format: z.literal(FORMAT).meta({ description: 'File format; must be dgmi/1.' }),
    id: IdSchema,
    name: LocalizedTextSchema,
    version: z.string().optional().meta({ description: 'Edition of the framework. Quote years: "2024".' }),
    source: z.string().optional().meta({ description: 'Citation or URL of the methodology this file encodes.' }),
    description: LocalizedTextSchema.optional().meta({ description: 'What the index measures.' }),
    scale: z.number().optional().meta({ description: 'Scores are reported on [0, scale]. Default 100.' }),
    precision: z.number().optional().meta({ description: 'Round the composite to N decimals before ranking and tiering. Example: 2' }),
    columns: ColumnsSchema.optional(),
    regions: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Which regions a submission may name. `cn-provinces`: the built-in table of China's 34 provincial-level divisions (GB/T 2260 code, full name, short names, NBS east/central/west/northeast group); or a CSV file, relative to this file, with columns code,name[,short][,group] (for cities or counties). A region may then be written by code, full name or short name (330000, 浙江省, 浙江, 浙): it is read as its code, its name and group are filled in when left empty, a region outside the list is an error, and `dgmi validate --data` reports every listed region without a row. Without it, region codes are free-form. Example: cn-provinces",
      }),
    defaults: z
      .strictObject({
        normalise: NormaliseSchema.optional(),
        missing: MissingPolicySchema.optional(),
        transform: TransformSchema.optional(),
        direction: DirectionSchema.optional(),
      })
      .optional()
      .meta({ description: 'Defaults for every indicator. Example: { normalise: { method: minmax }, missing: reweight }' }),
    aggregate: AggregateSchema.optional().meta({ description: 'How the dimensions combine into the index. Default arithmetic.' }),
    ...WEIGHTING_FIELDS,
    dimensions: z.array(GroupSchema).min(1).meta({ description: 'First-level groups.' }),
    tiers: TiersSchema.optional(),
    screen: ScreenSchema.optional(),
    treat: TreatSchema.optional(),
  })
  .meta({ id: 'Framework', title: 'dgmi framework (dgmi/1)', description: 'An indicator framework for dgmi: dimensions, indicators, weights, normalisation, aggregation and tiers.' });

export type FrameworkInput = z.infer<typeof FrameworkSchema>;
export type NormaliseInput = z.infer<typeof NormaliseSchema>;
export type AggregateInput = z.infer<typeof AggregateSchema>;
export type TiersInput = z.infer<typeof TiersSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
export type Transform = z.infer<typeof TransformSchema>;
export type MissingPolicy = z.infer<typeof MissingPolicySchema>;
export type Bounds = z.infer<typeof BoundsSchema>;
export type DimensionTest = z.infer<typeof DimensionTestSchema>;
export type TreatInput = z.infer<typeof TreatSchema>;

/** The JSON Schema shipped as `indicators/framework.schema.json`. */
export function frameworkJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FrameworkSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any'});
  return { ...schema, $id: 'https://dgmi.dev/schema/dgmi-1.json' };
}
