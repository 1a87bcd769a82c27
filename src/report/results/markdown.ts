/**
 * `--format markdown`: the terminal table as GitHub-flavoured markdown, for pasting into an
 * issue, a report or a wiki. No colour; a provenance line names the framework that produced it.
 */
import { displayGrids } from './display.js';
import type { ResultFormatter } from './formatter.js';
import { provenanceNote } from './labels.js';

/**
 * A cell's text made inert: `\\` and `|` escaped so the cell cannot end early, line breaks
 * flattened so the row cannot, and `&`, `<`, `>` written as entities, since most Markdown
 * viewers render inline HTML and a region name such as `<script>` must show as text, not run.
 * Every Markdown formatter (score, compare, explain, audit, weights, sensitivity) uses this one.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\r\n|\r|\n/gu, ' ');
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

/** `--format markdown`: `## period — framework` and a GFM table per period, then the provenance line. */
export const formatMarkdown: ResultFormatter = (table, options) => {
  const blocks = displayGrids(table, options.lang, options).map((grid) =>
    [
      `## ${markdownCell(grid.heading)}`,
      '',
      markdownRow(grid.columns.map((c) => c.header)),
      `| ${grid.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`,
      ...grid.rows.map(markdownRow),
      '',
    ].join('\n'),
  );
  blocks.push(`${markdownCell(provenanceNote(table.framework, options.toolVersion, options.lang))}\n`);
  return blocks.join('\n');
};
