/**
 * `dgmi weights --format csv`: one row per group, period and child, for spreadsheets; ids in
 * the header and the cells, weights unrounded, the AHP consistency repeated on each child row of
 * its group. Same conventions as the score CSV (RFC 4180, CRLF, optional BOM, text defused
 * against formula injection).
 */
import { csvNumberCell, csvTextCell } from '../results/csv.js';
import { orderedWeights, type WeightsFormatter } from './view.js';

const HEADER = ['group', 'level', 'period', 'method', 'child', 'weight', 'fallback', 'lambda_max', 'ci', 'ri', 'cr'];

export const formatWeightsCsv: WeightsFormatter = (report, options) => {
  const lines = [HEADER.join(',')];
  for (const record of orderedWeights(report)) {
    const fallback = [record.fallback, ...(record.components ?? []).map((c) => c.fallback)].filter((r) => r !== undefined).join(' ');
    record.children.forEach((child, c) => {
      lines.push(
        [
          csvTextCell(record.group),
          record.isTop ? 'top' : 'group',
          csvTextCell(record.period ?? ''),
          record.method,
          csvTextCell(child),
          csvNumberCell(record.weights[c]),
          fallback,
          csvNumberCell(record.ahp?.lambdaMax),
          csvNumberCell(record.ahp?.ci),
          csvNumberCell(record.ahp?.ri),
          csvNumberCell(record.ahp?.cr),
        ].join(','),
      );
    });
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};
