/**
 * `--format csv`: one row per selected result for spreadsheets. RFC 4180 with CRLF line ends
 * (what Excel writes and expects), an optional BOM so Excel reads UTF-8, stable ids in the
 * header, numbers unrounded. Text that came from submissions is defused against formula
 * injection (OWASP "CSV Injection"): a cell that starts with = + - @ tab or CR gets a leading '.
 *
 * Written as UTF-8 chunks (`csvResultChunks`), which the CLI writes as they fill: at township
 * scale the document is tens of megabytes, and building it as strings first cost more than
 * scoring (issue 15). `formatCsv` is the same bytes as one string.
 */
import { CsvByteWriter, csvNumberCell, csvTextCell } from '../csv-bytes.js';
import type { ScoreTable } from '../../model/score-table.js';
import { hasGroups, hasIndicators } from './detail.js';
import type { ResultFormatOptions, ResultFormatter } from './formatter.js';
import { tierId, tierLabel } from './labels.js';
import { rowPreparation, type RowPreparation } from './preparation.js';
import { selectRows } from './select.js';

export { csvNumberCell, csvTextCell };

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** screened (true/false), coverage (only when screened out), treated indicator ids (;-separated), imputed count. */
function writePreparationCells(out: CsvByteWriter, facts: RowPreparation): void {
  out.comma();
  out.text(facts.screenedCoverage === undefined ? 'false' : 'true');
  out.comma();
  out.number(facts.screenedCoverage);
  out.comma();
  out.text(facts.treated.join(';'));
  out.comma();
  out.number(facts.imputed);
}

/**
 * `--format csv` as UTF-8 chunks of about a megabyte: header
 * `period,rank,region,name,group,score,tier,tier_name,<dimension ids>,<sub-group ids>`, then rows.
 * `--detail summary` leaves out the group columns; `--detail indicators` adds
 * `<id>.value,<id>.normalised,<id>.imputed` per indicator after them. A framework that prepares
 * its data adds `screened,coverage,treated,imputed` after the groups.
 */
export function* csvResultChunks(table: ScoreTable, options: ResultFormatOptions): Generator<Uint8Array, void, undefined> {
  const { framework, dataset, composite } = table;
  // framework.groups is pre-order, so dimensions first would interleave with their sub-groups.
  const dimensionIds = new Set(framework.dimensions.map((d) => d.id));
  const detail = options.detail ?? 'groups';
  const groups = hasGroups(detail) ? [...framework.dimensions, ...framework.groups.filter((g) => !dimensionIds.has(g.id))] : [];
  const groupScores = groups.map((g) => table.nodes.get(g.id)?.score);
  const indicators = (hasIndicators(detail) ? framework.indicators : []).map((i) => ({ id: i.id, scores: table.indicators.get(i.id) }));
  // Data preparation (issue 10): four more columns, only for frameworks that prepare.
  const preparationOf = rowPreparation(table);

  const out = new CsvByteWriter();
  if (options.bom) out.bytes(BOM);
  const header = [
    ...['period', 'rank', 'region', 'name', 'group', 'score', 'tier', 'tier_name', ...groups.map((g) => g.id)],
    ...(preparationOf ? ['screened', 'coverage', 'treated', 'imputed'] : []),
    ...indicators.flatMap((i) => [`${i.id}.value`, `${i.id}.normalised`, `${i.id}.imputed`]),
  ];
  header.forEach((cell, i) => {
    if (i > 0) out.comma();
    out.text(cell);
  });
  out.endRow();
  // A tier's two cells are the same on every row of that tier: looked up once per level.
  const tierCells = new Map<number, { readonly id: string; readonly label: string }>();
  for (const row of selectRows(table, options)) {
    const level = table.tier[row] ?? -1;
    let tier = tierCells.get(level);
    if (tier === undefined) {
      tier = { id: tierId(framework, level) ?? '', label: tierLabel(framework, level, options.lang) };
      tierCells.set(level, tier);
    }
    out.text(dataset.period[row] ?? '');
    out.comma();
    out.number(composite.rank[row]);
    out.comma();
    out.text(dataset.region[row] ?? '');
    out.comma();
    out.text(dataset.name[row] ?? '');
    out.comma();
    out.text(dataset.group[row] ?? '');
    out.comma();
    out.number(composite.score[row]);
    out.comma();
    out.text(tier.id);
    out.comma();
    out.text(tier.label);
    for (const scores of groupScores) {
      out.comma();
      out.number(scores?.[row]);
    }
    if (preparationOf) writePreparationCells(out, preparationOf(row));
    for (const { scores } of indicators) {
      out.comma();
      out.number(scores?.value[row]);
      out.comma();
      out.number(scores?.normalised[row]);
      out.comma();
      if (scores !== undefined) out.text(scores.imputed[row] ? 'true' : 'false');
    }
    out.endRow();
    if (out.hasFullChunks) yield* out.takeChunks();
  }
  yield* out.takeChunks(true);
}

/** `--format csv` as one string: the bytes of {@link csvResultChunks}, decoded (the BOM kept). */
export const formatCsv: ResultFormatter = (table, options) => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for (const chunk of csvResultChunks(table, options)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};
