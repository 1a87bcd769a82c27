/**
 * The `preparation` member of a `dgmi-result/1` document (issue 10): what denominating,
 * imputing, screening and treating did, with every treated point named (region, period, value
 * before and after). Keys are snake_case like the framework's; NaN moments become null.
 */
import type { PreparationReport } from '../../model/preparation.js';

export interface PreparationJson {
  readonly denominated: readonly string[];
  readonly imputed: number;
  readonly screen: { readonly min_coverage: number | null; readonly screened: readonly { region: string; period: string | null; coverage: number }[] };
  readonly treated: readonly {
    readonly indicator: string;
    readonly period: string | null;
    readonly method: 'winsorise' | 'log';
    readonly points: number;
    readonly skew: number;
    readonly kurtosis: number;
    readonly skew_after: number;
    readonly kurtosis_after: number;
    readonly passes: boolean;
    /** Winsorised points with their values before and after (absent for log). */
    readonly values?: readonly { region: string; period: string | null; from: number; to: number }[];
    /** How many values the log fallback transformed (only for log: every value of the scope). */
    readonly transformed?: number;
  }[];
}

/** Only indicators the rule changed are listed under `treated`: a passing column has nothing to say. */
export function preparationJson(report: PreparationReport): PreparationJson {
  const period = (p: string): string | null => (p === '' ? null : p);
  return {
    denominated: report.denominated,
    imputed: report.imputed,
    screen: {
      min_coverage: report.minCoverage ?? null,
      screened: report.screened.map((unit) => ({ region: unit.region, period: period(unit.period), coverage: unit.coverage })),
    },
    treated: report.treatments.flatMap((t) =>
      t.method === 'none'
        ? []
        : [
            {
              indicator: t.indicator,
              period: t.period === null ? null : period(t.period),
              method: t.method,
              points: t.points,
              skew: t.skew,
              kurtosis: t.kurtosis,
              skew_after: t.skewAfter,
              kurtosis_after: t.kurtosisAfter,
              passes: t.passes,
              ...(t.method === 'log'
                ? { transformed: t.transformed }
                : { values: t.changed.map((p) => ({ region: p.region, period: period(p.period), from: p.from, to: p.to })) }),
            },
          ],
    ),
  };
}
