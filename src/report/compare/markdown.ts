/**
 * `dgmi compare --format markdown`: the comparison document as GitHub-flavoured markdown, for
 * pasting into an issue, a report or a wiki: the heading, the notes as a quote, one `###`
 * section per table, and the provenance line.
 */
import { markdownCell } from '../results/markdown.js';
import { compareDocument, type ReportSection } from './document.js';
import type { CompareFormatter } from './formatter.js';

/** Cell text escaped for GFM; `*` too, since the imputed-value mark would otherwise pair up into emphasis. */
function markdownText(text: string): string {
  // A stacked list (`a、\nb`, `a,\nb`) goes back onto one line: a GFM cell cannot break.
  return markdownCell(text.replace(/、\n/gu, '、').replace(/\n/gu, ' ')).replace(/\*/gu, '\\*');
}

/** A row of cells that are already escaped. */
function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function markdownSection(section: ReportSection): string {
  const title = section.title === '' ? [] : [`### ${markdownText(section.title)}`, ''];
  if (section.kind === 'lines') return [...title, ...section.lines.map(markdownText), ''].join('\n');
  return [
    ...title,
    markdownRow(section.columns.map((c) => markdownText(c.header))),
    `| ${section.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`,
    ...section.rows.map((row) => markdownRow(row.map((c) => (c.tone === 'strong' && c.text !== '' ? `**${markdownText(c.text)}**` : markdownText(c.text))))),
    '',
  ].join('\n');
}

/** `--format markdown`: `## heading`, notes, a GFM table per section, provenance. */
export const formatCompareMarkdown: CompareFormatter = (comparison, options) => {
  const doc = compareDocument(comparison, options.lang, options.toolVersion);
  return [
    `## ${markdownText(doc.heading)}`,
    '',
    ...doc.notes.map((n) => `> ${markdownText(n)}`),
    '',
    ...doc.sections.map(markdownSection),
    `${markdownText(doc.provenance)}\n`,
  ].join('\n');
};
