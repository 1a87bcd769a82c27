/**
 * `--format markdown`: the explanation as GitHub-flavoured markdown, for a report, an issue or a
 * wiki page: a heading, the sentences as a list, GFM tables, the notes and a provenance line.
 */
import { plainPalette } from '../palette.js';
import { markdownCell } from '../results/markdown.js';
import { provenanceNote } from '../results/labels.js';
import type { ExplainFormatter } from './formatter.js';
import { explainView, type ViewGrid } from './view.js';

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

function markdownGrid(grid: ViewGrid): string {
  return [
    markdownRow(grid.columns.map((c) => c.header)),
    `| ${grid.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`,
    ...grid.rows.map(markdownRow),
  ].join('\n');
}

/** A line of prose made inert as a cell is (`markdownCell`), and emphasis, code and link marks escaped too. */
function prose(text: string): string {
  return markdownCell(text).replace(/([*_`[\]])/gu, '\\$1');
}

/** `--format markdown`: `## region — period — framework`, the summary, two tables, notes, provenance. */
export const formatExplainMarkdown: ExplainFormatter = (explanation, options) => {
  const view = explainView(explanation, options.lang, plainPalette);
  const blocks = [
    `## ${prose(view.heading)}`,
    view.summary.map((line) => `- ${prose(line)}`).join('\n'),
    `### ${prose(view.dimensionsHeading)}`,
    markdownGrid(view.dimensions),
    `### ${prose(view.leversHeading)}`,
    ...(view.levers ? [markdownGrid(view.levers)] : []),
    view.notes.map((note) => `- ${prose(note)}`).join('\n'),
    prose(provenanceNote(explanation.table.framework, options.toolVersion, options.lang)),
  ];
  return `${blocks.join('\n\n')}\n`;
};
