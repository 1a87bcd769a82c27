/**
 * The human-readable results grid that the terminal table and the markdown table both print:
 * which columns, their localized headers, and each cell's text (scores to 2 decimals, `—` for
 * no value). The two formats differ only in how they draw it.
 */
import { printable } from '../printable.js';
import { regionGroupLabel } from '../region-groups.js';
import type { Lang } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import { NO_VALUE, RESULT_HEADERS, groupLabel, periodHeading, regionLabel, tierLabel } from './labels.js';
import { PREPARATION_HEADER, preparationNote, rowPreparation } from './preparation.js';
import type { RowSelection } from './select.js';
import { selectRows, splitByPeriod } from './select.js';

export interface DisplayColumn {
  readonly header: string;
  /** Numbers are right-aligned so their decimal points line up. */
  readonly align: 'left' | 'right';
}

export interface DisplayGrid {
  readonly period: string;
  /** `2022 — 中国数字政府发展指数`. */
  readonly heading: string;
  readonly columns: readonly DisplayColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Position of the tier column, or -1 when the framework has no tiers. */
  readonly tierColumn: number;
  /** Per row, its tier level index (-1 untiered), for colouring the tier cell. */
  readonly tierLevels: readonly number[];
}

/** A score as people read it: 2 decimals, or `—` for no value. */
export function displayScore(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? x.toFixed(2) : NO_VALUE;
}

function displayRank(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : NO_VALUE;
}

/**
 * One grid per period of the selected rows (`--period`, `--top`), in reporting order. Columns:
 * rank, region (name and code), group (only when some selected row has one), score, tier (only
 * when the framework defines tiers), then each dimension's score.
 */
export function displayGrids(table: ScoreTable, lang: Lang, selection: RowSelection): DisplayGrid[] {
  const { framework, dataset, composite } = table;
  const rows = selectRows(table, selection);
  const headers = RESULT_HEADERS[lang];
  const hasGroup = rows.some((row) => (dataset.group[row] ?? '') !== '');
  const hasTiers = framework.tiers !== undefined;
  const dimensions = framework.dimensions.map((d) => ({ label: groupLabel(framework, d.id, lang), scores: table.nodes.get(d.id) }));

  const columns: DisplayColumn[] = [
    { header: headers.rank, align: 'right' },
    { header: headers.region, align: 'left' },
    ...(hasGroup ? [{ header: headers.group, align: 'left' as const }] : []),
    { header: headers.score, align: 'right' },
    ...(hasTiers ? [{ header: headers.tier, align: 'left' as const }] : []),
    ...dimensions.map((d) => ({ header: printable(d.label), align: 'right' as const })),
  ];
  // Data preparation (issue 10): one more column, only for frameworks that prepare.
  const preparationOf = rowPreparation(table);
  if (preparationOf) columns.push({ header: PREPARATION_HEADER[lang], align: 'left' });
  const tierColumn = hasTiers ? (hasGroup ? 4 : 3) : -1;

  return splitByPeriod(table, rows).map(({ period, rows: periodRows }) => {
    const cells: string[][] = [];
    const tierLevels: number[] = [];
    for (const row of periodRows) {
      const level = table.tier[row] ?? -1;
      const region = printable(regionLabel(dataset.region[row] ?? '', dataset.name[row] ?? ''));
      const tierText = level >= 0 ? printable(tierLabel(framework, level, lang)) : NO_VALUE;
      cells.push([
        displayRank(composite.rank[row]),
        region,
        ...(hasGroup ? [printable(regionGroupLabel(dataset.group[row] ?? '', lang))] : []),
        displayScore(composite.score[row]),
        ...(hasTiers ? [tierText] : []),
        ...dimensions.map((d) => displayScore(d.scores?.score[row])),
        ...(preparationOf ? [printable(preparationNote(preparationOf(row), lang))] : []),
      ]);
      tierLevels.push(level);
    }
    return { period, heading: printable(periodHeading(framework, period, lang)), columns, rows: cells, tierColumn, tierLevels };
  });
}
