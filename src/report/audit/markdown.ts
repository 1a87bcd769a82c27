/** `dgmi audit --format markdown`: for pasting into an issue, a report or a wiki. */
import { markdownCell } from '../results/markdown.js';
import type { AuditFormatter } from './formatter.js';
import { auditGrids, auditHeading } from './grids.js';

/** `--format markdown`: the same grids as GFM tables (cells escaped by the results formatter's markdownCell). */
export const formatAuditMarkdown: AuditFormatter = (report, options) => {
  const row = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  const sections = auditGrids(report, options.lang).map((grid) =>
    [`### ${markdownCell(grid.title)}`, '', row(grid.columns.map((c) => c.header)), `| ${grid.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`, ...grid.rows.map(row), ''].join('\n'),
  );
  return [`## ${markdownCell(auditHeading(report, options.lang))}`, '', ...sections].join('\n');
};

