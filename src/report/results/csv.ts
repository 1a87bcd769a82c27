/**
 * `--format csv`: one row per selected result for spreadsheets. RFC 4180 with CRLF line ends
 * (what Excel writes and expects), an optional BOM so Excel reads UTF-8, stable ids in the
 * header, numbers unrounded. Text that came from submissions is defused against formula
 * injection (OWASP "CSV Injection"): a cell that starts with = + - @ tab or CR gets a leading '.
 */
import { hasGroups, hasIndicators } from './detail.js';
import type { ResultFormatter } from './formatter.js';
import { tierId, tierLabel } from './labels.js';
import { rowPreparation, type RowPreparation } from './preparation.js';
import { selectRows } from './select.js';

const FORMULA_TRIGGER = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * A text cell as written to the file: prefixed with ' when a spreadsheet would read it as a
 * formula, then quoted (with inner quotes doubled) when it holds a comma, quote, CR or LF.
 */
export function csvTextCell(text: string): string {
  const defused = FORMULA_TRIGGER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/gu, '""')}"` : defused;
}

/** A number cell: the shortest text that reads back as the same double; empty for no value. Never defused: -1.5 stays -1.5. */
export function csvNumberCell(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : '';
}

/** screened (true/false), coverage (only when screened out), treated indicator ids (;-separated), imputed count. */
function preparationCells(facts: RowPreparation): string[] {
  return [
    facts.screenedCoverage === undefined ? 'false' : 'true',
    csvNumberCell(facts.screenedCoverage),
    csvTextCell(facts.treated.join(';')),
    String(facts.imputed),
  ];
}

/**
 * `--format csv`: header `period,rank,region,name,group,score,tier,tier_name,<dimension ids>,<sub-group ids>`, then rows.
 * `--detail summary` leaves out the group columns; `--detail indicators` adds
 * `<id>.value,<id>.normalised,<id>.imputed` per indicator after them.
 */
export const formatCsv: ResultFormatter = (table, options) => {
  const { framework, dataset, composite } = table;
  // framework.groups is pre-order, so dimensions first would interleave with their sub-groups.
  const dimensionIds = new Set(framework.dimensions.map((d) => d.id));
  const detail = options.detail ?? 'groups';
  const groups = (hasGroups(detail) ? [...framework.dimensions, ...framework.groups.filter((g) => !dimensionIds.has(g.id))] : []).map((g) => ({
    id: g.id,
    scores: table.nodes.get(g.id),
  }));
  const indicators = (hasIndicators(detail) ? framework.indicators : []).map((i) => ({ id: i.id, scores: table.indicators.get(i.id) }));

  // Data preparation (issue 10): four more columns, only for frameworks that prepare.
  const preparationOf = rowPreparation(table);
  const header = [
    ...['period', 'rank', 'region', 'name', 'group', 'score', 'tier', 'tier_name', ...groups.map((g) => g.id)],
    ...(preparationOf ? ['screened', 'coverage', 'treated', 'imputed'] : []),
    ...indicators.flatMap((i) => [`${i.id}.value`, `${i.id}.normalised`, `${i.id}.imputed`]),
  ];
  const lines = [header.map(csvTextCell).join(',')];
  for (const row of selectRows(table, options)) {
    const level = table.tier[row] ?? -1;
    lines.push(
      [
        csvTextCell(dataset.period[row] ?? ''),
        csvNumberCell(composite.rank[row]),
        csvTextCell(dataset.region[row] ?? ''),
        csvTextCell(dataset.name[row] ?? ''),
        csvTextCell(dataset.group[row] ?? ''),
        csvNumberCell(composite.score[row]),
        csvTextCell(tierId(framework, level) ?? ''),
        csvTextCell(tierLabel(framework, level, options.lang)),
        ...groups.map((g) => csvNumberCell(g.scores?.score[row])),
        ...(preparationOf ? preparationCells(preparationOf(row)) : []),
        ...indicators.flatMap((i) => [
          csvNumberCell(i.scores?.value[row]),
          csvNumberCell(i.scores?.normalised[row]),
          i.scores === undefined ? '' : i.scores.imputed[row] ? 'true' : 'false',
        ]),
      ].join(','),
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};
