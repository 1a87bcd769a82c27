/**
 * `dgmi compare --format csv`: one flat table per mode for spreadsheets and scripts, with the
 * conventions of the score CSV (RFC 4180, CRLF, optional BOM, stable ids in the header,
 * numbers unrounded, submitted text defused against formula injection). Every row carries the
 * `normalise` column, so a file that travels alone still says how its scores were made.
 *
 * - regions: long, one row per region × item: the composite, each group, and each indicator
 *   listed by gap (`level` = composite | dimension | group | indicator).
 * - periods: one row per region, `status` = both | entered | left, then the changes and each
 *   dimension's contribution change.
 * - groups: one row per group × measure (composite, then each dimension); group '' is all
 *   groups together (rows without a group are excluded, so '' is never a real group here).
 *   Theil columns and tier counts are filled on composite rows only.
 */
import type { GroupComparison } from '../../analyse/compare-groups.js';
import type { PeriodComparison } from '../../analyse/compare-periods.js';
import type { RegionComparison } from '../../analyse/compare-regions.js';
import type { Summary } from '../../analyse/descriptive.js';
import type { Lang } from '../../model/i18n.js';
import { csvNumberCell, csvTextCell } from '../results/csv.js';
import { tierId } from '../results/labels.js';
import type { CompareFormatter, Comparison } from './formatter.js';
import { UNTIERED } from './json.js';
import { regionGroupLabel } from '../region-groups.js';
import { normaliseId } from './labels.js';

type Line = readonly string[];

function tierCell(comparison: Comparison, level: number): string {
  return csvTextCell(tierId(comparison.framework, level) ?? '');
}

function regionsLines(c: RegionComparison): Line[] {
  const header = ['normalise', 'period', 'region', 'name', 'level', 'id', 'score', 'rank', 'tier', 'mark', 'value', 'gap'];
  const normalise = normaliseId(c.normaliseScope);
  const lines: Line[] = [header];
  c.regions.forEach((r, i) => {
    const lead = [normalise, csvTextCell(c.period), csvTextCell(r.region), csvTextCell(r.name)];
    lines.push([...lead, 'composite', csvTextCell(c.framework.id), csvNumberCell(r.score), csvNumberCell(r.rank), tierCell(c, r.tier), '', '', '']);
    for (const n of r.nodes) {
      lines.push([...lead, n.depth === 1 ? 'dimension' : 'group', csvTextCell(n.id), csvNumberCell(n.score), csvNumberCell(n.rank), '', n.mark ?? '', '', '']);
    }
    for (const g of c.gaps) {
      const v = g.values[i];
      lines.push([...lead, 'indicator', csvTextCell(g.id), csvNumberCell(v?.normalised), '', '', '', csvNumberCell(v?.value), csvNumberCell(g.gap)]);
    }
  });
  return lines;
}

function periodsLines(c: PeriodComparison): Line[] {
  const dimensions = c.framework.dimensions.map((d) => d.id);
  const header = [
    'normalise',
    'from',
    'to',
    'status',
    'region',
    'name',
    'group',
    'from_score',
    'to_score',
    'score_change',
    'from_rank',
    'to_rank',
    'rank_change',
    'from_tier',
    'to_tier',
    ...dimensions.map((id) => `${id}_contribution_change`),
  ];
  const lead = [normaliseId(c.normaliseScope), csvTextCell(c.from), csvTextCell(c.to)];
  const lines: Line[] = [header.map(csvTextCell)];
  for (const r of c.regions) {
    const change = new Map(r.drivers.map((d) => [d.id, d.change]));
    lines.push([
      ...lead,
      'both',
      csvTextCell(r.region),
      csvTextCell(r.name),
      csvTextCell(r.group),
      csvNumberCell(r.from.score),
      csvNumberCell(r.to.score),
      csvNumberCell(r.scoreChange),
      csvNumberCell(r.from.rank),
      csvNumberCell(r.to.rank),
      csvNumberCell(r.rankChange),
      tierCell(c, r.from.tier),
      tierCell(c, r.to.tier),
      ...dimensions.map((id) => csvNumberCell(change.get(id))),
    ]);
  }
  const blanks = dimensions.map(() => '');
  for (const r of c.entered) {
    const who = [csvTextCell(r.region), csvTextCell(r.name), csvTextCell(r.group)];
    lines.push([...lead, 'entered', ...who, '', csvNumberCell(r.score), '', '', csvNumberCell(r.rank), '', '', tierCell(c, r.tier), ...blanks]);
  }
  for (const r of c.left) {
    const who = [csvTextCell(r.region), csvTextCell(r.name), csvTextCell(r.group)];
    lines.push([...lead, 'left', ...who, csvNumberCell(r.score), '', '', csvNumberCell(r.rank), '', '', tierCell(c, r.tier), '', ...blanks]);
  }
  return lines;
}

function summaryCells(s: Summary): string[] {
  return [s.n, s.mean, s.median, s.min, s.max, s.sd, s.cv].map(csvNumberCell);
}

function groupsLines(c: GroupComparison, lang: Lang): Line[] {
  const tierKeys = c.tierLevels.map((level) => (level < 0 ? UNTIERED : `tier_${tierId(c.framework, level) ?? level}`));
  const header = [
    'normalise',
    'period',
    'group',
    'group_name',
    'measure',
    'n',
    'mean',
    'median',
    'min',
    'max',
    'sd',
    'cv',
    'theil',
    'theil_share',
    'theil_between_term',
    'theil_within_term',
    ...tierKeys,
  ];
  const lines: Line[] = [header.map(csvTextCell)];
  const noTheil = ['', '', '', ''];
  for (const g of [...c.groups, c.overall]) {
    const lead = [normaliseId(c.normaliseScope), csvTextCell(c.period), csvTextCell(g.group), csvTextCell(g.group === '' ? '' : regionGroupLabel(g.group, lang))];
    let theil = noTheil;
    if (g.group === '' && c.theil) theil = [c.theil.total, 1, c.theil.between, c.theil.within].map(csvNumberCell);
    else if (g.theil) theil = [g.theil.theil, g.theil.share, g.theil.between, g.theil.within].map(csvNumberCell);
    lines.push([...lead, 'composite', ...summaryCells(g.composite), ...theil, ...g.tiers.map((count) => String(count))]);
    for (const d of g.dimensions) {
      lines.push([...lead, csvTextCell(d.id), ...summaryCells(d.summary), ...noTheil, ...tierKeys.map(() => '')]);
    }
  }
  return lines;
}

/** `--format csv`: the mode's flat table (see the module comment for its columns). */
export const formatCompareCsv: CompareFormatter = (comparison, options) => {
  let lines: Line[];
  switch (comparison.kind) {
    case 'regions':
      lines = regionsLines(comparison);
      break;
    case 'periods':
      lines = periodsLines(comparison);
      break;
    case 'groups':
      lines = groupsLines(comparison, options.lang);
      break;
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
};
