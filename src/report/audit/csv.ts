/** `dgmi audit --format csv`: for spreadsheets (RFC 4180, CRLF, optional BOM). */
import { csvNumberCell, csvTextCell } from '../results/csv.js';
import type { AuditFormatter } from './formatter.js';

/**
 * `--format csv`: one row per indicator (kind `indicator`) and per group (kind `group`), ids in
 * the header, numbers unrounded, text defused against formula injection.
 */
export const formatAuditCsv: AuditFormatter = (report, options) => {
  const header = [
    'kind', 'id', 'parent', 'period', 'units', 'count', 'coverage', 'min', 'max', 'mean', 'sd', 'skew', 'kurtosis',
    'outlier_fires', 'treatment', 'points', 'r_parent', 'r_index', 'alpha', 'pc1_share', 'redundant_with',
  ];
  const lines = [header.join(',')];
  for (const a of report.indicators) {
    lines.push(
      [
        'indicator', csvTextCell(a.id), csvTextCell(a.parent), csvTextCell(report.period), String(a.units), String(a.count),
        ...[a.coverage, a.min, a.max, a.mean, a.sd, a.skew, a.kurtosis].map(csvNumberCell),
        String(a.outlier.fires), a.outlier.method, String(a.outlier.points), csvNumberCell(a.withParent), csvNumberCell(a.withIndex), '', '', '',
      ].join(','),
    );
  }
  for (const g of report.groups) {
    lines.push(
      [
        'group', csvTextCell(g.id), '', csvTextCell(report.period), '', '', '', '', '', '', '', '', '', '', '', '', '',
        csvNumberCell(g.withIndex), csvNumberCell(g.alpha), csvNumberCell(g.firstComponentShare),
        csvTextCell(g.redundantPairs.map((p) => `${p.a}~${p.b}`).join(';')),
      ].join(','),
    );
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};

