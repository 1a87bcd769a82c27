/**
 * `--format csv`: one row per searched indicator, for a spreadsheet that collects the answers of
 * many regions. The region's standing and its goal repeat on every row so each row stands alone;
 * ids in the header; numbers unrounded; CRLF and an optional BOM as in the results CSV, with the
 * same defusing of submitted text that a spreadsheet would read as a formula.
 */
import type { Lever } from '../../analyse/explain.js';
import { pickText } from '../../model/i18n.js';
import { csvNumberCell, csvTextCell } from '../results/csv.js';
import { tierId, tierLabel } from '../results/labels.js';
import type { ExplainFormatter } from './formatter.js';

const HEADER = [
  'period',
  'region',
  'name',
  'score',
  'rank',
  'tier',
  'tier_name',
  'next_tier',
  'next_tier_name',
  'required_score',
  'required_increase',
  'indicator',
  'indicator_name',
  'direction',
  'value',
  'normalised',
  'imputed',
  'effective_weight',
  'points_per_unit',
  'points_per_unit_method',
  'status',
  'reason',
  'needed_value',
  'needed_change',
  'score_then',
  'rank_then',
  'tier_then',
] as const;

/** The goal's cells: status, reason, needed value and change, then where the region would stand (at the best value when unreachable). */
function goalCells(lever: Lever, tierOf: (level: number) => string): string[] {
  const goal = lever.goal;
  if (!goal) return ['', '', '', '', '', '', ''];
  if (goal.status === 'reachable') {
    const o = goal.outcome;
    return ['reachable', '', csvNumberCell(goal.value), csvNumberCell(goal.change), csvNumberCell(o.score), csvNumberCell(o.rank), csvTextCell(tierOf(o.tier))];
  }
  const b = goal.best;
  return ['unreachable', goal.reason, '', '', csvNumberCell(b.score), csvNumberCell(b.rank), csvTextCell(tierOf(b.tier))];
}

/** `--format csv`: header (see HEADER), then one row per indicator; one row with empty indicator cells when none was searched. */
export const formatExplainCsv: ExplainFormatter = (explanation, options) => {
  const e = explanation;
  const { framework } = e.table;
  const tierOf = (level: number): string => tierId(framework, level) ?? '';
  const next = e.tierExplanation?.next;
  const region = [
    csvTextCell(e.period.label),
    csvTextCell(e.region),
    csvTextCell(e.name),
    csvNumberCell(e.score),
    csvNumberCell(e.rank),
    csvTextCell(tierOf(e.tier)),
    csvTextCell(tierLabel(framework, e.tier, options.lang)),
    csvTextCell(next ? next.id : ''),
    csvTextCell(next ? tierLabel(framework, next.level, options.lang) : ''),
    csvNumberCell(next?.composite?.score),
    csvNumberCell(next?.composite?.increase),
  ];
  const lines = [HEADER.join(',')];
  for (const lever of e.levers) {
    lines.push(
      [
        ...region,
        csvTextCell(lever.indicator.id),
        csvTextCell(pickText(lever.indicator.name, options.lang, lever.indicator.id)),
        lever.indicator.direction,
        csvNumberCell(lever.value),
        csvNumberCell(lever.normalised),
        lever.imputed ? 'true' : 'false',
        csvNumberCell(lever.effectiveWeight),
        csvNumberCell(lever.leverage.pointsPerUnit),
        lever.leverage.method,
        ...goalCells(lever, tierOf),
      ].join(','),
    );
  }
  if (e.levers.length === 0) lines.push([...region, ...Array.from({ length: HEADER.length - region.length }, () => '')].join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};
