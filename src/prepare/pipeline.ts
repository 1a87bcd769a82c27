/**
 * Data preparation inside the scoring engine, COINr's pipeline B: denominate → impute → screen
 * → treat, then the engine's own transform → normalise → aggregate. The engine calls this
 * instead of scoring indicator by indicator only when the framework prepares (a `denominator`,
 * `screen` or `treat`), so every other framework runs exactly the code and arithmetic it ran
 * before.
 *
 * Why this order (docs/preparation.md): a denominator turns counts into comparable rates, so it
 * comes before anything looks at the distribution; imputation fills what is missing before
 * screening, so that only units imputation cannot rescue are dropped; screening comes before
 * treatment and normalisation, so a dropped unit's values shift no one's outlier test or
 * min–max.
 */
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { PreparationReport, ScreenedUnit, TreatmentRecord } from '../model/preparation.js';
import type { ResolvedFramework, ResolvedIndicator } from '../model/resolved.js';
import type { IndicatorScores } from '../model/score-table.js';
import { imputeIndicator, normaliseIndicator, type ImputedColumn, type IndicatorContext } from '../score/indicator.js';
import { cellLocation, frameworkLocation, rowLocation } from '../score/locations.js';
import { denominateColumn } from './denominate.js';
import { coverageOf, rowsBelowCoverage } from './screen.js';
import { treatColumn } from './treat.js';

/** Whether the framework asks for any preparation step. */
export function hasPreparation(framework: ResolvedFramework): boolean {
  return framework.screen !== undefined || framework.indicators.some((i) => i.denominator !== undefined || i.treat !== undefined);
}

export interface PreparedScores {
  readonly indicators: IndicatorScores[];
  readonly report: PreparationReport;
}

/**
 * Every indicator column through denominate → impute → screen → treat → transform → normalise.
 * Screened rows are marked in `ctx.unscored`, left out of every scope, and get no normalised
 * values; findings go to `ctx.diagnostics`.
 */
export function scorePreparedIndicators(ctx: IndicatorContext): PreparedScores {
  const prepared = prepareColumns(ctx);
  return { indicators: normalisePreparedColumns(ctx.framework.indicators, prepared), report: prepared.report };
}

/** The prepared (denominated, imputed, screened, treated) columns, before transform and normalisation. */
export interface PreparedColumns {
  readonly columns: readonly ImputedColumn[];
  /** 1 for each row screening dropped. */
  readonly screened: Uint8Array;
  /** The context with screened rows left out of every scope: the one normalisation must use. */
  readonly scoped: IndicatorContext;
  readonly report: PreparationReport;
}

/**
 * Transform → normalise of prepared columns, with each indicator's own normalisation (the caller
 * may pass indicators whose `normalise` differs from the framework's, as `dgmi sensitivity`
 * does). The prepared columns are only read, so one preparation serves many normalisations.
 */
export function normalisePreparedColumns(indicators: readonly ResolvedIndicator[], prepared: PreparedColumns): IndicatorScores[] {
  const { columns, screened, scoped } = prepared;
  const n = scoped.dataset.rowCount;
  const anyScreened = prepared.report.screened.length > 0;
  return indicators.map((indicator, i) => {
    const scores = normaliseIndicator(indicator, scoped, columns[i]!);
    if (anyScreened) for (let row = 0; row < n; row++) if (screened[row] === 1) scores.normalised[row] = NaN;
    return scores;
  });
}

/** Denominate → impute → screen → treat: everything before transform and normalisation. */
export function prepareColumns(ctx: IndicatorContext): PreparedColumns {
  const { framework, dataset } = ctx;
  const n = dataset.rowCount;
  const columns = framework.indicators.map((indicator) => imputeIndicator(indicator, ctx, denominated(indicator, ctx)));

  const screened = new Uint8Array(n);
  const screenedUnits: ScreenedUnit[] = [];
  const minCoverage = framework.screen?.minCoverage;
  if (minCoverage !== undefined) {
    const coverage = coverageOf(columns, n);
    for (const row of rowsBelowCoverage(coverage, minCoverage)) {
      screened[row] = 1;
      ctx.unscored[row] = 1;
      const unit = { region: dataset.region[row] ?? '', period: dataset.period[row] ?? '', coverage: coverage[row] ?? 0 };
      screenedUnits.push(unit);
      ctx.diagnostics.push(makeDiagnostic('unit-screened-out', { ...unit, minCoverage }, rowLocation(dataset, row)));
    }
  }
  const scopes = screenedUnits.length === 0 ? ctx.scopes : ctx.scopes.map((rows) => rows.filter((row) => screened[row] !== 1));
  const scoped: IndicatorContext = { ...ctx, scopes };

  const treatments: TreatmentRecord[] = [];
  framework.indicators.forEach((indicator, i) => {
    if (indicator.treat) treatments.push(...treatIndicator(indicator, columns[i]!, scoped));
  });

  let imputed = 0;
  for (const column of columns) for (let row = 0; row < n; row++) if (column.imputed[row] === 1 && screened[row] !== 1) imputed++;

  return {
    columns,
    screened,
    scoped,
    report: {
      denominated: framework.indicators.filter((i) => i.denominator !== undefined).map((i) => i.id),
      ...(minCoverage === undefined ? {} : { minCoverage }),
      screened: screenedUnits,
      treatments,
      imputed,
    },
  };
}

/** The indicator's raw column divided by its denominator, or the raw column when it has none. */
function denominated(indicator: ResolvedIndicator, ctx: IndicatorContext): Float64Array | undefined {
  const { dataset, diagnostics } = ctx;
  const raw = dataset.values[indicator.index];
  const spec = indicator.denominator;
  if (!spec || !raw) return raw;
  const denominator = dataset.denominators?.get(spec.column);
  if (!denominator) {
    const path = ctx.documentPaths.get(indicator.id) ?? [];
    diagnostics.push(makeDiagnostic('denominator-column-missing', { indicator: indicator.id, column: spec.column }, frameworkLocation(ctx.framework, [...path, 'denominator'])));
    // Scores without the division the framework asks for would be wrong for everyone, not just
    // less complete: no unit is scored (a data error, exit 1), rather than the indicator dropped.
    ctx.unscored.fill(1);
    return new Float64Array(raw.length).fill(NaN);
  }
  const { value, findings } = denominateColumn(raw, denominator, spec.factor);
  for (const finding of findings) {
    // Missing is missing (COINr: x / NA is NA, then imputed); zero or negative is a data error.
    const isMissing = finding.problem === 'missing';
    if (!isMissing) ctx.unscored[finding.row] = 1;
    diagnostics.push(
      makeDiagnostic(
        isMissing ? 'denominator-value-missing' : 'denominator-value-invalid',
        {
          region: dataset.region[finding.row],
          period: dataset.period[finding.row],
          indicator: indicator.id,
          column: spec.column,
          problem: finding.problem,
          value: Number.isNaN(finding.denominator) ? null : finding.denominator,
        },
        cellLocation(dataset, finding.row, spec.column),
      ),
    );
  }
  return value;
}

/** COINr's outlier rule on each scope of one indicator, in place on its imputed column. */
function treatIndicator(indicator: ResolvedIndicator, column: ImputedColumn, ctx: IndicatorContext): TreatmentRecord[] {
  const spec = indicator.treat;
  if (!spec) return [];
  const { dataset } = ctx;
  const path = ctx.documentPaths.get(indicator.id) ?? [];
  return ctx.scopes.map((rows, s) => {
    const outcome = treatColumn(column.value, rows, spec);
    const period = ctx.pooled ? null : (ctx.periods.labels[s] ?? '');
    if (!outcome.passes) {
      ctx.diagnostics.push(
        makeDiagnostic(
          'treat-still-failing',
          { indicator: indicator.id, period, method: outcome.method, skew: round(outcome.skewAfter), kurtosis: round(outcome.kurtosisAfter) },
          // The indicator, not its `treat` key: the treatment may be inherited from the top level.
          frameworkLocation(ctx.framework, path),
        ),
      );
    }
    return {
      indicator: indicator.id,
      period,
      method: outcome.method,
      points: outcome.points,
      skew: outcome.skew,
      kurtosis: outcome.kurtosis,
      skewAfter: outcome.skewAfter,
      kurtosisAfter: outcome.kurtosisAfter,
      passes: outcome.passes,
      transformed: outcome.method === 'log' ? outcome.changedRows.length : 0,
      changed: (outcome.method === 'log' ? [] : outcome.changedRows).map((row, k) => ({
        region: dataset.region[row] ?? '',
        period: dataset.period[row] ?? '',
        from: outcome.changedFrom[k] ?? NaN,
        to: column.value[row] ?? NaN,
      })),
    };
  });
}

/** Three decimals, for messages. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
