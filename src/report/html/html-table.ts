/** Tables in the report: every cell's text escaped; numbers right-aligned; tier cells carry their colour class. */
import type { ReportCell, ReportGrid } from '../compare/document.js';
import { escapeHtml } from './escape.js';

export interface HtmlCell {
  readonly text: string;
  readonly numeric?: boolean | undefined;
  /** Tier level index: the cell is coloured as that tier (`-1`: untiered). */
  readonly tier?: number | undefined;
  readonly tone?: 'up' | 'down' | 'strong' | undefined;
}

export interface HtmlColumn {
  readonly header: string;
  readonly numeric?: boolean | undefined;
}

function cellClass(cell: HtmlCell): string {
  const classes: string[] = [];
  if (cell.numeric === true) classes.push('num');
  if (cell.tier !== undefined) classes.push('tier', cell.tier >= 0 ? `tier-${cell.tier}` : 'tier-none');
  if (cell.tone !== undefined) classes.push(cell.tone);
  return classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
}

/** Line breaks in a cell (stacked lists) become `<br>` after escaping. */
function cellText(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/gu, '<br>');
}

export function htmlTable(columns: readonly HtmlColumn[], rows: readonly (readonly HtmlCell[])[], options: { readonly className?: string; readonly caption?: string } = {}): string {
  const head = columns.map((c) => `<th${c.numeric === true ? ' class="num"' : ''} scope="col">${escapeHtml(c.header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td${cellClass(cell)}>${cellText(cell.text)}</td>`).join('')}</tr>`).join('\n');
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  return `<table${options.className === undefined ? '' : ` class="${options.className}"`}>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** A grid of the comparison document (`dgmi compare`'s own layout) as an HTML table. */
export function gridTable(grid: ReportGrid, className?: string): string {
  const columns = grid.columns.map((c) => ({ header: c.header, numeric: c.align === 'right' }));
  const rows = grid.rows.map((row) =>
    row.map((cell: ReportCell, i) => ({ text: cell.text, numeric: columns[i]?.numeric, tier: cell.tier, tone: cell.tone })),
  );
  return htmlTable(columns, rows, { caption: grid.title, ...(className === undefined ? {} : { className }) });
}
