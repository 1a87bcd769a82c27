/** How regions are named inside charts: the short name when it is unique in the period, else `name (code)`. */
import type { ScoreTable } from '../../model/score-table.js';
import { printable } from '../printable.js';
import { regionLabel } from '../results/labels.js';

export function chartLabels(table: ScoreTable, rows: readonly number[]): string[] {
  const { region, name } = table.dataset;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const n = name[row] ?? '';
    seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  return rows.map((row) => {
    const n = name[row] ?? '';
    const code = region[row] ?? '';
    return printable(n !== '' && seen.get(n) === 1 ? n : regionLabel(code, n));
  });
}

/** A number as a chart shows it: two decimals (an SVG label never needs more). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
