/**
 * The normalised columns a replication can draw, prepared once before any replication runs.
 * A variant is one (normalisation, missing policy, winsorisation limit) triple. The expensive,
 * data-dependent steps come in two stages, cached at the level where they change:
 *
 * - per (missing policy, winsorisation limit): the engine's preparation — denominate → impute →
 *   screen → treat (src/prepare/pipeline.ts `prepareColumns`), or just imputation when the
 *   framework prepares nothing. Imputation depends on the missing policy, treatment on the limit;
 *   neither on the normalisation.
 * - per normalisation, on those prepared columns: the engine's transform → normalise.
 *
 * The engine's own functions compute both stages, in the engine's order, so with the framework's
 * own options a variant holds exactly the normalised columns `score()` aggregates.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Dataset } from '../../model/dataset.js';
import type { MissingPolicy } from '../../model/framework.js';
import type { Normalise, ResolvedFramework, ResolvedIndicator } from '../../model/resolved.js';
import type { IndicatorScores } from '../../model/score-table.js';
import { hasPreparation, normalisePreparedColumns, prepareColumns } from '../../prepare/pipeline.js';
import { imputeIndicator, normaliseIndicator, type IndicatorContext } from '../../score/indicator.js';
import { nodeDocumentPaths } from '../../score/locations.js';
import { allRows, partitionRows, type Partition } from '../../score/partition.js';
import type { NormaliseOption, SensitivityMissingOption, SensitivityNormaliseOption, WinsoriseOption } from './spec.js';

/** Normalised columns of one (normalisation, missing policy, winsorisation limit), canonical rows. */
export interface Variant {
  readonly columns: readonly Float64Array[];
  /** 1 where a `fail` policy, a denominator error or screening leaves the row unscored. */
  readonly unscored: Uint8Array;
  /** The engine's per-indicator results behind `columns`: CV weighting reads their raw values. */
  readonly indicators: readonly IndicatorScores[];
}

/** The options each variant-defining assumption can take (`['framework']` when it is not uncertain). */
export interface VariantOptions {
  readonly normalise: readonly NormaliseOption[];
  readonly missing: readonly SensitivityMissingOption[];
  readonly winsorise: readonly WinsoriseOption[];
}

/** Where variant (normalise n, missing m, winsorise w) sits in the flat list `prepareVariants` returns. */
export function variantIndex(options: VariantOptions, n: number, m: number, w: number): number {
  return (n * options.missing.length + m) * options.winsorise.length + w;
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

/** The framework with every indicator's missing policy and (for treated indicators) winsorisation limit replaced. */
function preparedFramework(framework: ResolvedFramework, missing: SensitivityMissingOption, winsorise: WinsoriseOption): ResolvedFramework {
  const indicators = framework.indicators.map((indicator) => ({
    ...indicator,
    missing: missing === 'framework' ? indicator.missing : (missing satisfies MissingPolicy),
    // Only indicators the framework treats are treated: the limit replaces theirs, as COINr's
    // ua100 replaces its global `winmax`.
    treat: indicator.treat && winsorise !== 'framework' ? { ...indicator.treat, maxPoints: winsorise } : indicator.treat,
  }));
  return { ...framework, indicators };
}

/** One (missing, winsorise) preparation, then one variant per normalisation option; findings are the nominal run's to report. */
function variantsOfPreparation(
  framework: ResolvedFramework,
  dataset: Dataset,
  periods: Partition,
  normaliseOptions: readonly NormaliseOption[],
  missing: SensitivityMissingOption,
  winsorise: WinsoriseOption,
): Variant[] {
  const prepared = preparedFramework(framework, missing, winsorise);
  const unscored = new Uint8Array(dataset.rowCount);
  const diagnostics: Diagnostic[] = [];
  const context: IndicatorContext = {
    framework: prepared,
    dataset,
    periods,
    groups: prepared.indicators.some((i) => i.missing === 'group-mean') ? partitionRows(dataset.group) : undefined,
    scopes: periods.rows,
    pooled: false,
    allRows: allRows(dataset.rowCount),
    documentPaths: nodeDocumentPaths(framework),
    unscored,
    diagnostics,
  };
  // The engine's own branch: preparation only when the framework asks for it.
  const columns = hasPreparation(prepared) ? prepareColumns(context) : undefined;
  const imputed = columns ? undefined : prepared.indicators.map((indicator) => imputeIndicator(indicator, context));
  return normaliseOptions.map((normalise) => {
    const indicators = prepared.indicators.map((indicator) => ({ ...indicator, normalise: normaliseFor(normalise, indicator) }));
    // Imputed columns are only read by normalisation, so every option shares them.
    const scores = columns ? normalisePreparedColumns(indicators, columns) : indicators.map((indicator, i) => normaliseIndicator(indicator, context, imputed![i]!));
    scores.forEach((s, i) => rescaleColumn(normalise, s, indicators[i]!.missing, framework.scale));
    return { columns: scores.map((s) => s.normalised), unscored, indicators: scores };
  });
}

/** Every variant, laid out as `variantIndex` says. */
export function prepareVariants(framework: ResolvedFramework, dataset: Dataset, periods: Partition, options: VariantOptions): Variant[] {
  const out: Variant[] = [];
  options.missing.forEach((missing, m) =>
    options.winsorise.forEach((winsorise, w) =>
      variantsOfPreparation(framework, dataset, periods, options.normalise, missing, winsorise).forEach((variant, n) => {
        out[variantIndex(options, n, m, w)] = variant;
      }),
    ),
  );
  return out;
}

/** The framework as written: the nominal replication's columns. */
export function nominalVariant(framework: ResolvedFramework, dataset: Dataset, periods: Partition): Variant {
  return variantsOfPreparation(framework, dataset, periods, ['framework'], 'framework', 'framework')[0]!;
}
