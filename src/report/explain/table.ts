/**
 * `--format table`: the explanation for a terminal. Sentences as lines, grids as cli-table3
 * tables with its own colours switched off, so colour comes only from the palette and plain
 * output is byte-for-byte deterministic.
 */
import Table from 'cli-table3';
import type { Palette } from '../palette.js';
import type { ExplainFormatter } from './formatter.js';
import { explainView, type ViewGrid } from './view.js';

function drawGrid(grid: ViewGrid, palette: Palette): string {
  const table = new Table({
    head: grid.columns.map((c) => palette.bold(c.header)),
    colAligns: grid.columns.map((c) => c.align),
    style: { head: [], border: [], compact: true },
  });
  for (const row of grid.rows) table.push([...row]);
  return table.toString();
}

/** `--format table`: heading, summary lines, the dimension and indicator tables, then notes. */
export const formatExplainTable: ExplainFormatter = (explanation, options) => {
  const { palette } = options;
  const view = explainView(explanation, options.lang, palette);
  const blocks = [
    [palette.heading(view.heading), ...view.summary].join('\n'),
    [palette.bold(view.dimensionsHeading), drawGrid(view.dimensions, palette)].join('\n'),
    view.levers ? [palette.bold(view.leversHeading), drawGrid(view.levers, palette)].join('\n') : palette.bold(view.leversHeading),
    view.notes.map((note) => palette.dim(note)).join('\n'),
  ];
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
};
