/**
 * `dgmi weights --format json` (`dgmi-weights/1`), and the `weights` entries that
 * `dgmi score --format json` carries when a framework derives weights: per node and period, the
 * weight of every child, so a result can be reproduced with fixed `weight:` fields.
 */
import { diagnosticEntry } from '../diagnostics/json.js';
import type { GroupWeights } from '../../weights/record.js';
import { orderedWeights, type WeightsFormatter, type WeightsReport } from './view.js';

export const WEIGHTS_FORMAT_ID = 'dgmi-weights/1';

/** One record as a plain JSON value: weights keyed by child id, in the children's order. */
export function weightEntry(record: GroupWeights): Record<string, unknown> {
  const byChild = (weights: readonly number[]) => Object.fromEntries(record.children.map((child, c) => [child, weights[c] ?? null]));
  return {
    group: record.group,
    level: record.isTop ? 'top' : 'group',
    period: record.period,
    method: record.method,
    weights: byChild(record.weights),
    fallback: record.fallback ?? null,
    ...(record.components
      ? { components: record.components.map((c) => ({ method: c.method, share: c.share, weights: byChild(c.weights), fallback: c.fallback ?? null })) }
      : {}),
    ahp: record.ahp ? { lambda_max: record.ahp.lambdaMax, ci: record.ahp.ci, ri: record.ahp.ri, cr: record.ahp.cr } : null,
  };
}

export function weightEntries(report: WeightsReport): Record<string, unknown>[] {
  return orderedWeights(report).map(weightEntry);
}

export const formatWeightsJson: WeightsFormatter = (report, options) =>
  `${JSON.stringify(
    {
      format: WEIGHTS_FORMAT_ID,
      framework: { id: report.framework.id, version: report.framework.version ?? null, sha256: report.framework.sha256 ?? null },
      weights: weightEntries(report),
      diagnostics: (options.diagnostics ?? []).map((d) => diagnosticEntry(d, options.lang)),
    },
    null,
    2,
  )}\n`;
