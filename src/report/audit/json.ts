/** `dgmi audit --format json`: the `dgmi-audit/1` document. */
import { AUDIT_THRESHOLDS } from '../../analyse/audit/audit.js';
import { diagnosticEntry } from '../diagnostics/json.js';
import type { AuditFormatter } from './formatter.js';

export const AUDIT_FORMAT_ID = 'dgmi-audit/1';

/** `--format json`: the `dgmi-audit/1` document; NaN (no value) is written as null. */
export const formatAuditJson: AuditFormatter = (report, options) => {
  const document = {
    format: AUDIT_FORMAT_ID,
    framework: report.framework,
    period: report.period === '' ? null : report.period,
    scored_units: report.scoredUnits,
    thresholds: {
      weak_correlation: AUDIT_THRESHOLDS.weakCorrelation,
      negative_correlation: AUDIT_THRESHOLDS.negativeCorrelation,
      redundant_correlation: AUDIT_THRESHOLDS.redundantCorrelation,
      low_alpha: AUDIT_THRESHOLDS.lowAlpha,
    },
    indicators: report.indicators.map((a) => ({
      id: a.id,
      parent: a.parent,
      units: a.units,
      count: a.count,
      coverage: a.coverage,
      min: a.min,
      max: a.max,
      mean: a.mean,
      sd: a.sd,
      skew: a.skew,
      kurtosis: a.kurtosis,
      outlier: {
        fires: a.outlier.fires,
        configured: a.outlier.isConfigured,
        method: a.outlier.method,
        points: a.outlier.points,
        skew_after: a.outlier.skewAfter,
        kurtosis_after: a.outlier.kurtosisAfter,
      },
      r_parent: a.withParent,
      r_index: a.withIndex,
    })),
    groups: report.groups.map((g) => ({
      id: g.id,
      children: g.children,
      alpha: g.alpha,
      pc1_share: g.firstComponentShare,
      r_index: g.withIndex,
      redundant_pairs: g.redundantPairs.map((p) => ({ a: p.a, b: p.b, r: p.r })),
    })),
    diagnostics: (options.diagnostics ?? report.diagnostics).map((d) => diagnosticEntry(d, options.lang)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};

