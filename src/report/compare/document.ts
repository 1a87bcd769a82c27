/**
 * A comparison as people read it, independent of how it is drawn: a heading, notes (which
 * normalisation produced the scores, what was left out), and sections that are either grids
 * of text cells or plain lines. The terminal table and the markdown format both draw this
 * document, so the two always say the same thing; colour is only hinted (`tone`, `tier`) and
 * left to the drawer.
 */
import type { GroupComparison, GroupStats } from '../../analyse/compare-groups.js';
import type { RegionPresence } from '../../analyse/analysis.js';
import type { PeriodComparison } from '../../analyse/compare-periods.js';
import type { RegionComparison } from '../../analyse/compare-regions.js';
import type { Summary } from '../../analyse/descriptive.js';
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { DisplayColumn } from '../results/display.js';
import { displayScore } from '../results/display.js';
import { printable } from '../printable.js';
import { regionGroupLabel } from '../region-groups.js';
import { groupLabel, NO_VALUE, periodHeading, provenanceNote, regionLabel, tierLabel } from '../results/labels.js';
import type { Comparison } from './formatter.js';
import { COMPARE_WORDS, type CompareWords } from './labels.js';

/** How a drawer may colour a cell: a rise, a fall, an emphasised total. */
export type Tone = 'up' | 'down' | 'strong';

export interface ReportCell {
  /** May hold line breaks (a stacked list); a drawer that cannot show them joins the lines. */
  readonly text: string;
  readonly tone?: Tone | undefined;
  /** Tier level index for tier names (coloured by the palette's tier colours). */
  readonly tier?: number | undefined;
}

export interface ReportGrid {
  readonly kind: 'grid';
  readonly title: string;
  readonly columns: readonly DisplayColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
}

export interface ReportLines {
  readonly kind: 'lines';
  readonly title: string;
  readonly lines: readonly string[];
}

export type ReportSection = ReportGrid | ReportLines;

export interface ReportDocument {
  readonly heading: string;
  readonly notes: readonly string[];
  readonly sections: readonly ReportSection[];
  readonly provenance: string;
}

const LEFT = 'left' as const;
const RIGHT = 'right' as const;

function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : NO_VALUE;
}

/** `+1.50`, `-0.25`, `0.00`, toned by direction. */
function signed(x: number, digits = 2): ReportCell {
  if (!Number.isFinite(x)) return { text: NO_VALUE };
  const text = x.toFixed(digits);
  if (Number(text) === 0) return { text: (0).toFixed(digits) };
  return x > 0 ? { text: `+${text}`, tone: 'up' } : { text, tone: 'down' };
}

function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : NO_VALUE;
}

/** A raw indicator value: as submitted when whole, else to at most 2 decimals. */
function rawValue(x: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(2)));
}

function rankText(x: number): string {
  return Number.isFinite(x) ? String(x) : NO_VALUE;
}

function list(items: readonly string[], lang: Lang): string {
  return items.length === 0 ? NO_VALUE : items.join(lang === 'zh' ? '、' : ', ');
}

/** A list one item per line, for a cell in a grid whose columns must stay narrow. */
function stackedList(items: readonly string[], lang: Lang): string {
  return items.length === 0 ? NO_VALUE : items.join(lang === 'zh' ? '、\n' : ',\n');
}

function tierCell(framework: ResolvedFramework, level: number, words: CompareWords, lang: Lang): ReportCell {
  if (level < 0) return { text: framework.tiers ? words.untiered : NO_VALUE };
  return { text: printable(tierLabel(framework, level, lang)), tier: level };
}

function tierName(framework: ResolvedFramework, level: number, words: CompareWords, lang: Lang): string {
  return level < 0 ? words.untiered : printable(tierLabel(framework, level, lang));
}

function cell(text: string, tone?: Tone): ReportCell {
  return tone === undefined ? { text } : { text, tone };
}

/** The report of any comparison in `lang`. */
export function compareDocument(comparison: Comparison, lang: Lang, toolVersion: string): ReportDocument {
  switch (comparison.kind) {
    case 'regions':
      return regionsDocument(comparison, lang, toolVersion);
    case 'periods':
      return periodsDocument(comparison, lang, toolVersion);
    case 'groups':
      return groupsDocument(comparison, lang, toolVersion);
  }
}

function regionsDocument(c: RegionComparison, lang: Lang, toolVersion: string): ReportDocument {
  const words = COMPARE_WORDS[lang];
  const { framework } = c;
  const heads = c.regions.map((r) => ({ header: printable(regionLabel(r.region, r.name)), align: RIGHT }));
  const rows: ReportCell[][] = [
    [cell(words.score), ...c.regions.map((r) => cell(displayScore(r.score)))],
    [cell(words.rank), ...c.regions.map((r) => cell(Number.isFinite(r.rank) ? `${r.rank} / ${c.scored}` : NO_VALUE))],
  ];
  if (framework.tiers) rows.push([cell(words.tier), ...c.regions.map((r) => tierCell(framework, r.tier, words, lang))]);
  if (c.regions.some((r) => r.group !== '')) {
    rows.push([cell(words.group), ...c.regions.map((r) => cell(printable(regionGroupLabel(r.group, lang)) || NO_VALUE))]);
  }
  framework.groups.forEach((group, g) => {
    const label = '  '.repeat(group.depth - 1) + printable(groupLabel(framework, group.id, lang));
    rows.push([
      cell(label),
      ...c.regions.map((r) => {
        const node = r.nodes[g];
        if (!node || !Number.isFinite(node.score)) return cell(NO_VALUE);
        const base = `${displayScore(node.score)} #${rankText(node.rank)}`;
        if (node.mark === 'strength') return cell(`${base} ${words.strength}`, 'up');
        if (node.mark === 'weakness') return cell(`${base} ${words.weakness}`, 'down');
        return cell(base);
      }),
    ]);
  });
  const dimensionNames = (ids: readonly string[]) => stackedList(ids.map((id) => printable(groupLabel(framework, id, lang))), lang);
  rows.push([cell(words.strengths), ...c.regions.map((r) => cell(dimensionNames(r.strengths), r.strengths.length > 0 ? 'up' : undefined))]);
  rows.push([cell(words.weaknesses), ...c.regions.map((r) => cell(dimensionNames(r.weaknesses), r.weaknesses.length > 0 ? 'down' : undefined))]);

  const sections: ReportSection[] = [{ kind: 'grid', title: words.overview, columns: [{ header: '', align: LEFT }, ...heads], rows }];
  if (c.gaps.length > 0) {
    const anyImputed = c.gaps.some((g) => g.values.some((v) => v.imputed));
    sections.push({
      kind: 'grid',
      title: words.gaps,
      columns: [{ header: words.indicator, align: LEFT }, ...heads, { header: words.gap, align: RIGHT }],
      rows: c.gaps.map((gap) => [
        cell(printable(pickText(framework.nodeById.get(gap.id)?.name, lang, gap.id))),
        ...gap.values.map((v) => cell(`${displayScore(v.normalised)} (${rawValue(v.value)}${v.imputed ? '*' : ''})`)),
        cell(displayScore(gap.gap), 'strong'),
      ]),
    });
    if (anyImputed) sections.push({ kind: 'lines', title: '', lines: [words.imputedNote] });
  }
  return {
    heading: `${printable(periodHeading(framework, c.period, lang))} · ${words.title.regions}`,
    notes: [words.normalise[c.normaliseScope]],
    sections,
    provenance: provenanceNote(framework, toolVersion, lang),
  };
}

function periodsDocument(c: PeriodComparison, lang: Lang, toolVersion: string): ReportDocument {
  const words = COMPARE_WORDS[lang];
  const { framework } = c;
  const hasGroup = c.regions.some((r) => r.group !== '');
  const hasTiers = framework.tiers !== undefined;
  const columns: DisplayColumn[] = [
    { header: words.region, align: LEFT },
    ...(hasGroup ? [{ header: words.group, align: LEFT }] : []),
    { header: words.scoreIn(c.from), align: RIGHT },
    { header: words.scoreIn(c.to), align: RIGHT },
    { header: words.scoreChange, align: RIGHT },
    { header: words.rankIn(c.from), align: RIGHT },
    { header: words.rankIn(c.to), align: RIGHT },
    { header: words.rankChange, align: RIGHT },
    ...(hasTiers ? [{ header: words.tierMove, align: LEFT }] : []),
    { header: words.drivers, align: LEFT },
  ];
  const rows = c.regions.map((r): ReportCell[] => {
    const drivers = r.drivers
      .filter((d) => Number.isFinite(d.change) && Number(d.change.toFixed(2)) !== 0)
      .slice(0, 2)
      .map((d) => `${printable(groupLabel(framework, d.id, lang))} ${signed(d.change).text}`);
    const tierMove: ReportCell =
      r.from.tier === r.to.tier
        ? tierCell(framework, r.to.tier, words, lang)
        : {
            text: `${tierName(framework, r.from.tier, words, lang)} → ${tierName(framework, r.to.tier, words, lang)}`,
            // Level 0 is the best tier, so a smaller index is a move up; untiered counts as the bottom.
            tone: (r.to.tier < 0 ? Infinity : r.to.tier) < (r.from.tier < 0 ? Infinity : r.from.tier) ? 'up' : 'down',
          };
    return [
      cell(printable(regionLabel(r.region, r.name))),
      ...(hasGroup ? [cell(printable(regionGroupLabel(r.group, lang)) || NO_VALUE)] : []),
      cell(displayScore(r.from.score)),
      cell(displayScore(r.to.score)),
      signed(r.scoreChange),
      cell(rankText(r.from.rank)),
      cell(rankText(r.to.rank)),
      signed(r.rankChange, 0),
      ...(hasTiers ? [tierMove] : []),
      cell(list(drivers, lang)),
    ];
  });
  const sections: ReportSection[] = [{ kind: 'grid', title: words.changes, columns, rows }];

  if (hasTiers) {
    const { levels, counts } = c.transitions;
    const labels = levels.map((level) => tierName(framework, level, words, lang));
    const columnTotals = levels.map((_, j) => counts.reduce((sum, line) => sum + (line[j] ?? 0), 0));
    sections.push({
      kind: 'grid',
      title: words.transitions(c.from, c.to),
      columns: [{ header: `${c.from} \\ ${c.to}`, align: LEFT }, ...labels.map((header) => ({ header, align: RIGHT })), { header: words.total, align: RIGHT }],
      rows: [
        ...levels.map((level, i) => [
          tierCell(framework, level, words, lang),
          ...(counts[i] ?? []).map((count, j) => cell(String(count), i === j || count === 0 ? undefined : j < i ? 'up' : 'down')),
          cell(String((counts[i] ?? []).reduce((a, b) => a + b, 0)), 'strong'),
        ]),
        [cell(words.total, 'strong'), ...columnTotals.map((t) => cell(String(t), 'strong')), cell(String(c.regions.length), 'strong')],
      ],
    });
  }
  const presence = (r: RegionPresence) => printable(regionLabel(r.region, r.name));
  sections.push({ kind: 'lines', title: words.entered(c.to), lines: [c.entered.length === 0 ? words.none : list(c.entered.map(presence), lang)] });
  sections.push({ kind: 'lines', title: words.left(c.from), lines: [c.left.length === 0 ? words.none : list(c.left.map(presence), lang)] });

  return {
    heading: `${printable(c.from)} → ${printable(periodHeading(framework, c.to, lang))} · ${words.title.periods}`,
    notes: [words.normalise[c.normaliseScope]],
    sections,
    provenance: provenanceNote(framework, toolVersion, lang),
  };
}

function summaryCells(s: Summary): ReportCell[] {
  return [String(s.n), displayScore(s.mean), displayScore(s.median), displayScore(s.min), displayScore(s.max), displayScore(s.sd), fixed(s.cv, 3)].map((text) =>
    cell(text),
  );
}

function groupsDocument(c: GroupComparison, lang: Lang, toolVersion: string): ReportDocument {
  const words = COMPARE_WORDS[lang];
  const { framework } = c;
  const statColumns: DisplayColumn[] = [words.regions, words.mean, words.median, words.min, words.max, words.sd, words.cv].map((header) => ({ header, align: RIGHT }));
  const name = (g: GroupStats) => (g.group === '' ? words.all : printable(regionGroupLabel(g.group, lang)));
  const everyGroup = [...c.groups, c.overall];
  const emphasis = (g: GroupStats, cells: ReportCell[]): ReportCell[] => (g.group === '' ? cells.map((x) => ({ ...x, tone: x.tone ?? 'strong' })) : cells);

  const sections: ReportSection[] = [
    {
      kind: 'grid',
      title: words.compositeStats,
      columns: [{ header: words.group, align: LEFT }, ...statColumns],
      rows: everyGroup.map((g) => emphasis(g, [cell(name(g)), ...summaryCells(g.composite)])),
    },
    {
      kind: 'grid',
      title: words.dimensionStats,
      columns: [{ header: words.dimension, align: LEFT }, { header: words.group, align: LEFT }, ...statColumns],
      rows: framework.dimensions.flatMap((dimension, d) =>
        everyGroup.map((g, i) =>
          emphasis(g, [
            cell(i === 0 ? printable(groupLabel(framework, dimension.id, lang)) : ''),
            cell(name(g)),
            ...summaryCells(g.dimensions[d]?.summary ?? { n: 0, mean: NaN, median: NaN, min: NaN, max: NaN, sd: NaN, cv: NaN }),
          ]),
        ),
      ),
    },
  ];

  if (c.theil) {
    sections.push({
      kind: 'grid',
      title: words.theilGroups,
      columns: [
        { header: words.group, align: LEFT },
        ...[words.regions, words.mean, words.scoreShare, words.groupTheil, words.betweenTerm, words.withinTerm].map((header) => ({ header, align: RIGHT })),
      ],
      rows: c.groups.map((g) => [
        cell(name(g)),
        cell(String(g.theil?.n ?? 0)),
        cell(displayScore(g.theil?.mean ?? NaN)),
        cell(fixed(g.theil?.share ?? NaN, 4)),
        cell(fixed(g.theil?.theil ?? NaN, 4)),
        cell(fixed(g.theil?.between ?? NaN, 4)),
        cell(fixed(g.theil?.within ?? NaN, 4)),
      ]),
    });
    sections.push({
      kind: 'grid',
      title: words.theil,
      columns: [{ header: words.component, align: LEFT }, { header: words.value, align: RIGHT }, { header: words.shareOfTotal, align: RIGHT }],
      rows: [
        [cell(words.between), cell(fixed(c.theil.between, 4)), cell(percent(c.theil.betweenShare))],
        [cell(words.within), cell(fixed(c.theil.within, 4)), cell(percent(c.theil.withinShare))],
        [cell(words.total, 'strong'), cell(fixed(c.theil.total, 4), 'strong'), cell(c.theil.total > 0 ? percent(1) : NO_VALUE, 'strong')],
      ],
    });
  } else {
    sections.push({ kind: 'lines', title: words.theil, lines: [words.theilUndefined] });
  }

  if (framework.tiers) {
    sections.push({
      kind: 'grid',
      title: words.tierDistribution,
      columns: [
        { header: words.group, align: LEFT },
        ...c.tierLevels.map((level) => ({ header: tierName(framework, level, words, lang), align: RIGHT })),
        { header: words.total, align: RIGHT },
      ],
      rows: everyGroup.map((g) => emphasis(g, [cell(name(g)), ...g.tiers.map((count) => cell(String(count))), cell(String(g.regions))])),
    });
  }

  return {
    heading: `${printable(periodHeading(framework, c.period, lang))} · ${words.title.groups}`,
    notes: [words.normalise[c.normaliseScope], ...(c.withoutGroup > 0 ? [words.withoutGroup(c.withoutGroup)] : [])],
    sections,
    provenance: provenanceNote(framework, toolVersion, lang),
  };
}
