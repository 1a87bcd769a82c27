/**
 * `dgmi sensitivity --format table`: the document drawn for a terminal with cli-table3, one grid
 * per period (ranked, the 5–95% rank interval drawn as a small bar) and the Sobol grid. Header
 * and border colours are off; colour comes only from the palette, so plain output is deterministic.
 */
import Table from 'cli-table3';
import type { Palette } from '../palette.js';
import type { SensitivityFormatter } from './formatter.js';
import { sensitivityDocument, type SensitivityGrid } from './document.js';

function draw(grid: SensitivityGrid, palette: Palette): string {
  const table = new Table({ head: grid.headers.map((h) => palette.bold(h)), colAligns: [...grid.align], style: { head: [], border: [], compact: true } });
  grid.rows.forEach((row, r) => table.push(row.map((cell, c) => (c === grid.tierColumn ? palette.tier(grid.tierLevels[r] ?? -1, cell) : cell))));
  return `${palette.bold(grid.heading)}\n${table.toString()}\n`;
}

export const formatSensitivityTable: SensitivityFormatter = (result, options) => {
  const { palette } = options;
  const doc = sensitivityDocument(result, options.lang, options.toolVersion, true);
  return [
    `${palette.heading(doc.heading)}\n${doc.notes.map((n) => `${palette.dim(n)}\n`).join('')}`,
    ...doc.grids.map((g) => draw(g, palette)),
    ...(doc.sobol ? [draw(doc.sobol, palette)] : []),
    `${palette.dim(doc.provenance)}\n`,
  ].join('\n');
};
