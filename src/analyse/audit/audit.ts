/**
 * `dgmi audit`: the data and the framework's statistical coherence, for one period (OECD/JRC
 * Handbook steps 3–4; COINr's get_stats, get_corr, get_cronbach, get_PCA). Per indicator its
 * statistics and outlier preview, and its correlation with its parent group and with the
 * index; per group the pairs of children that are near duplicates, Cronbach's alpha and the
 * first principal component's share of variance. Correlations are of scores (normalised
 * indicators, direction applied, and aggregates) over the period's scored units. Findings are
 * diagnostics located at the framework node they are about.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { LocalizedText } from '../../model/i18n.js';
import type { ResolvedGroup } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import { frameworkLocation, nodeDocumentPaths } from '../../score/locations.js';
import { partitionRows } from '../../score/partition.js';
import { cronbachAlpha, firstComponentShare, pearson } from './coherence-measures.js';
import { indicatorStatistics, type IndicatorStatistics } from './indicator-statistics.js';

/** The Handbook's and COINr's usual flags. */
export const AUDIT_THRESHOLDS = {
  /** |r| below this with the parent or the index: near zero. */
  weakCorrelation: 0.2,
  /** r at or below this: negative. */
  negativeCorrelation: -0.2,
  /** Two children of one group above this: redundant (COINr's default 0.92 in get_corr_flags' spirit). */
  redundantCorrelation: 0.92,
  /** Cronbach's alpha below this: the group is not internally consistent (Nunnally). */
  lowAlpha: 0.7,
} as const;

export interface IndicatorAudit extends IndicatorStatistics {
  readonly id: string;
  readonly name: LocalizedText;
  readonly parent: string;
  /** Pearson r of the indicator's score with its parent group's score. */
  readonly withParent: number;
  /** Pearson r with the composite index. */
  readonly withIndex: number;
}

export interface RedundantPair {
  readonly a: string;
  readonly b: string;
  readonly r: number;
}

export interface GroupAudit {
  readonly id: string;
  readonly name: LocalizedText;
  readonly children: readonly string[];
  readonly alpha: number;
  /** Share of variance of the first principal component of the standardised children. */
  readonly firstComponentShare: number;
  readonly redundantPairs: readonly RedundantPair[];
  /** Pearson r of the group's score with the index. */
  readonly withIndex: number;
}

export interface AuditReport {
  readonly framework: string;
  /** The period audited ('' when the data has none). */
  readonly period: string;
  /** Units scored in the period (the rows correlations are taken over). */
  readonly scoredUnits: number;
  readonly indicators: readonly IndicatorAudit[];
  readonly groups: readonly GroupAudit[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface AuditOptions {
  /** The period to audit; the latest when absent. */
  readonly period?: string | undefined;
}

/** Audits `table` (scored with its framework and dataset) for one period. */
export function auditScores(table: ScoreTable, options: AuditOptions = {}): AuditReport {
  const { framework, dataset } = table;
  const period = options.period ?? table.periods[table.periods.length - 1] ?? '';
  const partition = partitionRows(dataset.period);
  const periodRows = partition.rows[partition.labels.indexOf(period)] ?? new Uint32Array(0);
  // The units scoring prepares: not rows with data errors, not units `screen` dropped (so the
  // outlier preview sees what the treatment sees).
  const screened = new Set((table.preparation?.screened ?? []).map((u) => `${u.region}\u0000${u.period}`));
  const rows = periodRows.filter((row) => dataset.excluded?.[row] !== 1 && !screened.has(`${dataset.region[row] ?? ''}\u0000${dataset.period[row] ?? ''}`));
  const scored = rows.filter((row) => !Number.isNaN(table.composite.score[row] ?? NaN));
  const pick = (column: ArrayLike<number> | undefined): Float64Array => Float64Array.from(scored, (row) => column?.[row] ?? NaN);
  const index = pick(table.composite.score);
  const scoresOf = (id: string): Float64Array => pick(table.nodes.get(id)?.score ?? table.indicators.get(id)?.normalised);
  const paths = nodeDocumentPaths(framework);
  const at = (id: string) => frameworkLocation(framework, paths.get(id) ?? []);
  const diagnostics: Diagnostic[] = [];
  const round = (x: number): number => Math.round(x * 1000) / 1000;

  const indicators = framework.indicators.map((indicator): IndicatorAudit => {
    const parent = indicator.path[indicator.path.length - 1] ?? '';
    const own = scoresOf(indicator.id);
    const audit: IndicatorAudit = {
      id: indicator.id,
      name: indicator.name,
      parent,
      ...indicatorStatistics(indicator, dataset, rows),
      withParent: pearson(own, scoresOf(parent)),
      withIndex: pearson(own, index),
    };
    if (audit.outlier.fires) {
      diagnostics.push(
        makeDiagnostic(
          'audit-outlier-rule-fires',
          { indicator: indicator.id, period, skew: round(audit.skew), kurtosis: round(audit.kurtosis), method: audit.outlier.method, points: audit.outlier.points },
          at(indicator.id),
        ),
      );
    }
    for (const [withId, r] of [[parent, audit.withParent], [framework.id, audit.withIndex]] as const) {
      const code = correlationFlag(r);
      if (code) diagnostics.push(makeDiagnostic(code, { indicator: indicator.id, with: withId, r: round(r) }, at(indicator.id)));
    }
    return audit;
  });

  const groups = framework.groups.map((group) => auditGroup(group, scoresOf, index));
  for (const group of groups) {
    for (const pair of group.redundantPairs) {
      diagnostics.push(makeDiagnostic('audit-pair-redundant', { group: group.id, indicator: pair.a, other: pair.b, r: round(pair.r) }, at(group.id)));
    }
    if (group.alpha < AUDIT_THRESHOLDS.lowAlpha) diagnostics.push(makeDiagnostic('audit-alpha-low', { group: group.id, alpha: round(group.alpha) }, at(group.id)));
  }

  return { framework: framework.id, period, scoredUnits: scored.length, indicators, groups, diagnostics };
}

function correlationFlag(r: number): 'audit-correlation-negative' | 'audit-correlation-weak' | undefined {
  if (r !== r) return undefined;
  if (r <= AUDIT_THRESHOLDS.negativeCorrelation) return 'audit-correlation-negative';
  if (Math.abs(r) < AUDIT_THRESHOLDS.weakCorrelation) return 'audit-correlation-weak';
  return undefined;
}

function auditGroup(group: ResolvedGroup, scoresOf: (id: string) => Float64Array, index: Float64Array): GroupAudit {
  const children = group.children.map((c) => c.id);
  const columns = children.map(scoresOf);
  const redundantPairs: RedundantPair[] = [];
  for (let i = 0; i < children.length; i++) {
    for (let j = i + 1; j < children.length; j++) {
      const r = pearson(columns[i] ?? [], columns[j] ?? []);
      if (r > AUDIT_THRESHOLDS.redundantCorrelation) redundantPairs.push({ a: children[i] ?? '', b: children[j] ?? '', r });
    }
  }
  return {
    id: group.id,
    name: group.name,
    children,
    alpha: cronbachAlpha(columns),
    firstComponentShare: firstComponentShare(columns),
    redundantPairs,
    withIndex: pearson(scoresOf(group.id), index),
  };
}
