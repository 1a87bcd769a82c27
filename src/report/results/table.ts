/**
 * `--format table`: the terminal view. One cli-table3 table per period under a heading line;
 * cli-table3 measures cells with string-width, so Chinese names (two columns wide) still align.
 * Its default header and border colours are switched off so that colour comes only from the
 * palette the CLI chose, and plain output is byte-for-byte deterministic.
 */
import Table from 'cli-table3';
import { displayGrids } from './display.js';
import type { ResultFormatter } from './formatter.js';

/** `--format table`: one boxed table per period, tier names coloured by the palette. */
export const formatTable: ResultFormatter = (table, options) => {
  const { palette } = options;
  const blocks = displayGrids(table, options.lang, options).map((grid) => {
    const out = new Table({
      head: grid.columns.map((c) => palette.bold(c.header)),
      colAligns: grid.columns.map((c) => c.align),
      // compact: no rule between data rows, which for thousands of counties would double the height.
      style: { head: [], border: [], compact: true },
    });
    grid.rows.forEach((cells, i) => {
      const level = grid.tierLevels[i] ?? -1;
      out.push(cells.map((cell, column) => (column === grid.tierColumn && level >= 0 ? palette.tier(level, cell) : cell)));
    });
    return `${palette.heading(grid.heading)}\n${out.toString()}\n`;
  });
  return blocks.join('\n');
};
