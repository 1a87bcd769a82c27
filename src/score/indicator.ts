/**
 * One indicator's column from raw values to normalised scores: domain check → missing-value
 * policy (on raw values, per period) → transform → normalise (per period, or pooled) → the
 * `zero` policy. Everything is a loop over the column's typed arrays; findings are pushed as
 * diagnostics and rows that `fail` are marked for the engine to leave unscored.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset } from '../model/dataset.js';
import type { Normalise, ResolvedFramework, ResolvedIndicator } from '../model/resolved.js';
import type { IndicatorScores } from '../model/score-table.js';
import { imputeColumn, type RowGroups } from './impute.js';
import { cellLocation, frameworkLocation } from './locations.js';
import { isRelativeNormalise, normaliseColumn } from './normalise.js';
import type { Partition } from './partition.js';
import { isInTransformDomain, transformColumn, transformNormalise } from './transform.js';

/** What the per-indicator pipeline needs from the engine, shared by every indicator. */
export interface IndicatorContext {
  readonly framework: ResolvedFramework;
  readonly dataset: Dataset;
  readonly periods: Partition;
  /** Region groups, present when some indicator uses `group-mean`. */
  readonly groups?: Partition | undefined;
  /** Rows normalised together: one list per period, or a single list of every row when pooled. */
  readonly scopes: readonly Uint32Array[];
  readonly pooled: boolean;
  /** Every row 0…n−1. */
  readonly allRows: Uint32Array;
  readonly documentPaths: ReadonlyMap<string, readonly (string | number)[]>;
  /** Set to 1 for every row that a `fail` policy leaves unscored (written by this module). */
  readonly unscored: Uint8Array;
  /** Findings are appended here. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Scores one indicator column. `effectiveWeight` is returned zero-filled; the engine fills it
 * once the tree has been aggregated.
 */
export function scoreIndicator(indicator: ResolvedIndicator, ctx: IndicatorContext): IndicatorScores {
  return normaliseIndicator(indicator, ctx, imputeIndicator(indicator, ctx));
}

/** An indicator column after the missing-value policy, before transform and normalisation. */
export interface ImputedColumn {
  /** Raw values (imputed where the policy fills them); NaN = missing. */
  readonly value: Float64Array;
  readonly imputed: Uint8Array;
  /** Rows the `zero` policy sets to a normalised 0 after normalising; undefined under other policies. */
  readonly zeroed: Uint8Array | undefined;
}

/**
 * The first half of {@link scoreIndicator}: domain check and missing-value policy, on the
 * dataset's column or on `raw` (data preparation passes the denominated column).
 */
export function imputeIndicator(indicator: ResolvedIndicator, ctx: IndicatorContext, raw: Float64Array | undefined = ctx.dataset.values[indicator.index]): ImputedColumn {
  const n = ctx.dataset.rowCount;
  if (!raw || raw.length !== n) {
    throw new Error(`score: dataset column ${indicator.index} (${indicator.id}) is missing or has the wrong length`);
  }
  const value = new Float64Array(raw);
  const imputed = new Uint8Array(n);
  // A value the transform cannot take counts as missing from here on, so the policy applies to it.
  const invalid = markOutsideDomain(indicator, value, ctx);
  const zeroed = applyMissingPolicy(indicator, value, imputed, invalid, ctx);
  return { value, imputed, zeroed };
}

/** The second half of {@link scoreIndicator}: transform → normalise (per scope) → the `zero` policy. */
export function normaliseIndicator(indicator: ResolvedIndicator, ctx: IndicatorContext, column: ImputedColumn): IndicatorScores {
  const { framework, diagnostics } = ctx;
  const { value, imputed, zeroed } = column;
  const n = ctx.dataset.rowCount;
  const normalised = new Float64Array(n);
  const effectiveWeight = new Float64Array(n);
  const nodePath = ctx.documentPaths.get(indicator.id) ?? [];

  const spec = checkedNormalise(indicator, nodePath, ctx);
  if (!spec) {
    normalised.fill(NaN);
    return { value, normalised, imputed, effectiveWeight };
  }

  transformColumn(indicator.transform, value, normalised);
  // Fixed methods look at each value alone, so one pass over every row does for them.
  const scopes = isRelativeNormalise(spec) ? ctx.scopes : [ctx.allRows];
  scopes.forEach((rows, s) => {
    const outcome = normaliseColumn(normalised, rows, spec, indicator.direction, framework.scale, normalised);
    if (outcome.constant) {
      diagnostics.push(
        makeDiagnostic(
          'normalise-constant',
          {
            indicator: indicator.id,
            period: ctx.pooled ? null : (ctx.periods.labels[s] ?? ''),
            method: spec.method,
            count: outcome.present,
          },
          frameworkLocation(framework, nodePath),
        ),
      );
    }
  });

  if (zeroed) {
    for (let row = 0; row < n; row++) if (zeroed[row] === 1) normalised[row] = 0;
  }
  return { value, normalised, imputed, effectiveWeight };
}

/** Sets values outside the transform's domain to NaN, with an error each; returns which rows. */
function markOutsideDomain(indicator: ResolvedIndicator, value: Float64Array, ctx: IndicatorContext): Uint8Array | undefined {
  let invalid: Uint8Array | undefined;
  const { dataset } = ctx;
  const transform = indicator.transform;
  for (let row = 0; row < value.length; row++) {
    const x = value[row]!;
    // Most cells are fine: test the common case inline and only then ask the transform's exact rule.
    if (x !== x || (x > 0 && x < Infinity) || isInTransformDomain(transform, x)) continue;
    invalid ??= new Uint8Array(value.length);
    invalid[row] = 1;
    value[row] = NaN;
    ctx.diagnostics.push(
      makeDiagnostic(
        'value-outside-transform-domain',
        {
          region: dataset.region[row],
          period: dataset.period[row],
          indicator: indicator.id,
          value: x,
          transform,
        },
        cellLocation(dataset, row, indicator.id),
      ),
    );
  }
  return invalid;
}

/**
 * Applies the indicator's missing policy to the raw `value` column in place. Returns the rows
 * the `zero` policy sets to a normalised 0 (set after normalising, so they do not move the
 * min–max or the mean), or undefined under any other policy.
 */
function applyMissingPolicy(
  indicator: ResolvedIndicator,
  value: Float64Array,
  imputed: Uint8Array,
  invalid: Uint8Array | undefined,
  ctx: IndicatorContext,
): Uint8Array | undefined {
  const { dataset, diagnostics } = ctx;
  const n = value.length;
  switch (indicator.missing) {
    case 'reweight':
      return undefined;
    case 'fail':
      for (let row = 0; row < n; row++) {
        if (value[row] === value[row]) continue;
        ctx.unscored[row] = 1;
        // A value outside the transform's domain already has its own error.
        if (invalid?.[row] === 1) continue;
        diagnostics.push(
          makeDiagnostic(
            'value-missing-fail',
            { region: dataset.region[row], period: dataset.period[row], indicator: indicator.id },
            cellLocation(dataset, row, indicator.id),
          ),
        );
      }
      return undefined;
    case 'zero': {
      const zeroed = new Uint8Array(n);
      for (let row = 0; row < n; row++) {
        if (value[row] === value[row]) continue;
        zeroed[row] = 1;
        imputed[row] = 1;
      }
      return zeroed;
    }
    case 'mean':
    case 'median':
    case 'group-mean': {
      const policy = indicator.missing;
      let rowGroups: RowGroups | undefined;
      if (policy === 'group-mean') {
        if (!ctx.groups) throw new Error('score: group-mean needs the region groups in the context');
        rowGroups = { groupOf: ctx.groups.labelOf, count: ctx.groups.labels.length };
      }
      const location = frameworkLocation(ctx.framework, ctx.documentPaths.get(indicator.id) ?? []);
      ctx.periods.rows.forEach((rows, p) => {
        const period = ctx.periods.labels[p] ?? '';
        const outcome = imputeColumn(value, rows, policy, imputed, rowGroups);
        if (outcome.noValues) {
          diagnostics.push(makeDiagnostic('impute-no-values', { indicator: indicator.id, period, policy }, location));
        }
        for (const g of outcome.fallbackGroups) {
          const group = ctx.groups?.labels[g] ?? '';
          diagnostics.push(makeDiagnostic('impute-group-fallback', { indicator: indicator.id, period, group }, location));
        }
      });
      return undefined;
    }
  }
}

/**
 * The normalisation spec with its constants transformed, or undefined (with an error) when a
 * constant is unusable: outside the transform's domain, equal goalposts, a target ≤ 0.
 */
function checkedNormalise(
  indicator: ResolvedIndicator,
  nodePath: readonly (string | number)[],
  ctx: IndicatorContext,
): Normalise | undefined {
  const location = frameworkLocation(ctx.framework, [...nodePath, 'normalise']);
  const transformed = transformNormalise(indicator.normalise, indicator.transform);
  if ('outsideDomain' in transformed) {
    const { constant, value } = transformed.outsideDomain;
    ctx.diagnostics.push(
      makeDiagnostic(
        'normalise-constant-outside-domain',
        { indicator: indicator.id, constant, value, transform: indicator.transform },
        location,
      ),
    );
    return undefined;
  }
  const spec = transformed.normalise;
  if (spec.method === 'goalpost' && spec.min === spec.max) {
    const goalposts = indicator.normalise.method === 'goalpost' ? indicator.normalise : undefined;
    ctx.diagnostics.push(
      makeDiagnostic('normalise-goalposts-equal', { indicator: indicator.id, min: goalposts?.min, max: goalposts?.max }, location),
    );
    return undefined;
  }
  if (spec.method === 'target' && !(spec.target > 0)) {
    const target = indicator.normalise.method === 'target' ? indicator.normalise.target : undefined;
    ctx.diagnostics.push(
      makeDiagnostic('normalise-target-not-positive', { indicator: indicator.id, target, transform: indicator.transform }, location),
    );
    return undefined;
  }
  return spec;
}
