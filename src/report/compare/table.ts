/**
 * `dgmi compare --format table`: the comparison document drawn for a terminal, one cli-table3
 * grid per section under its title. Header and border colours are off, so colour comes only
 * from the palette and plain output is deterministic; string-width keeps Chinese aligned.
 */
import Table from 'cli-table3';
import type { Palette } from '../palette.js';
import { compareDocument, type ReportCell, type ReportSection } from './document.js';
import type { CompareFormatter } from './formatter.js';

function paint(c: ReportCell, palette: Palette): string {
  if (c.tier !== undefined) return palette.tier(c.tier, c.text);
  switch (c.tone) {
    case 'up':
      return palette.up(c.text);
    case 'down':
      return palette.down(c.text);
    case 'strong':
      return palette.bold(c.text);
    default:
      return c.text;
  }
}

function drawSection(section: ReportSection, palette: Palette): string {
  const title = section.title === '' ? '' : `${palette.bold(section.title)}\n`;
  if (section.kind === 'lines') return `${title}${section.lines.join('\n')}\n`;
  const grid = new Table({
    head: section.columns.map((c) => palette.bold(c.header)),
    colAligns: section.columns.map((c) => c.align),
    // compact: no rule between body rows (only under the header): comparison grids run to
    // dozens of rows, and the rules would double their height.
    style: { head: [], border: [], compact: true },
  });
  for (const row of section.rows) grid.push(row.map((c) => paint(c, palette)));
  return `${title}${grid.toString()}\n`;
}

/** `--format table`: heading, notes, every section, then the provenance line. */
export const formatCompareTable: CompareFormatter = (comparison, options) => {
  const { palette } = options;
  const doc = compareDocument(comparison, options.lang, options.toolVersion);
  const blocks = [
    `${palette.heading(doc.heading)}\n${doc.notes.map((n) => `${palette.dim(n)}\n`).join('')}`,
    ...doc.sections.map((s) => drawSection(s, palette)),
    `${palette.dim(doc.provenance)}\n`,
  ];
  return blocks.join('\n');
};
