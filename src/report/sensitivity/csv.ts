/**
 * `dgmi sensitivity --format csv`: one row per region (and period) for spreadsheets, with the
 * conventions of the score CSV (RFC 4180, CRLF, optional BOM, ids in the header, numbers
 * unrounded, submitted text defused against formula injection). The Sobol indices are per
 * assumption, not per region: they are in the JSON and the table, not here.
 */
import { csvNumberCell, csvTextCell } from '../results/csv.js';
import type { SensitivityFormatter } from './formatter.js';

export const formatSensitivityCsv: SensitivityFormatter = (result, options) => {
  const header = ['period', 'rank', 'region', 'name', 'group', 'score', 'tier', 'mean_rank', 'median_rank', 'p5_rank', 'p95_rank', 'scored_share', ...result.tiers.map((t) => `p_${t.id}`)];
  const lines = [header.map(csvTextCell).join(',')];
  for (const r of result.regions) {
    lines.push(
      [
        csvTextCell(r.period),
        csvNumberCell(r.rank),
        csvTextCell(r.region),
        csvTextCell(r.name),
        csvTextCell(r.group),
        csvNumberCell(r.score),
        csvTextCell(r.tier ?? ''),
        csvNumberCell(r.meanRank),
        csvNumberCell(r.medianRank),
        csvNumberCell(r.p5Rank),
        csvNumberCell(r.p95Rank),
        csvNumberCell(r.scoredShare),
        ...r.tierProbabilities.map(csvNumberCell),
      ].join(','),
    );
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};
