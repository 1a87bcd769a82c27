/**
 * Section 7, region cards: per region its tier, why it is there and what it missed above (the
 * sentences of `dgmi explain`), the score the next tier takes with the others held fixed, and
 * its strongest and weakest groups by rank. The first `--cards` regions get a card; the rest are
 * one summary table, so a county-level report stays quick to open.
 */
import type { Explanation } from '../../../analyse/explain.js';
import { pickText } from '../../../model/i18n.js';
import { goalLines, missedLine, whyLine, type SentenceContext } from '../../explain/sentences.js';
import { plainPalette } from '../../palette.js';
import { printable } from '../../printable.js';
import { displayScore } from '../../results/display.js';
import { NO_VALUE, regionLabel, tierLabel } from '../../results/labels.js';
import { escapeHtml } from '../escape.js';
import { htmlTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { REPORT_WORDS } from '../words.js';
import type { HtmlSection } from './section.js';

export interface GroupStanding {
  readonly id: string;
  readonly rank: number;
}

/**
 * The groups (dimensions and sub-groups) where `row` ranks best and worst in its period; ties go
 * to the group that comes first in the framework. Undefined when the row has no ranked group.
 */
export function strongestAndWeakest(data: ReportData, row: number): { strongest: GroupStanding; weakest: GroupStanding } | undefined {
  let strongest: GroupStanding | undefined;
  let weakest: GroupStanding | undefined;
  for (const group of data.table.framework.groups) {
    const rank = data.table.nodes.get(group.id)?.rank[row] ?? Number.NaN;
    if (Number.isNaN(rank)) continue;
    if (!strongest || rank < strongest.rank) strongest = { id: group.id, rank };
    if (!weakest || rank > weakest.rank) weakest = { id: group.id, rank };
  }
  return strongest && weakest ? { strongest, weakest } : undefined;
}

function standingText(data: ReportData, g: GroupStanding | undefined): string {
  if (!g) return NO_VALUE;
  const name = printable(pickText(data.table.framework.nodeById.get(g.id)?.name, data.lang, g.id));
  return data.lang === 'zh' ? `${name}（第 ${g.rank} 名）` : `${name} (rank ${g.rank})`;
}

function card(data: ReportData, e: Explanation): string {
  const words = REPORT_WORDS[data.lang];
  const ctx: SentenceContext = { explanation: e, lang: data.lang, palette: plainPalette };
  const sw = strongestAndWeakest(data, e.row);
  const tier = e.tier >= 0 ? tierLabel(data.table.framework, e.tier, data.lang) : words.untiered;
  const lines: [string, string | undefined][] = [
    [words.why, whyLine(ctx)],
    [words.missed, missedLine(ctx)],
    [words.gap, e.tierExplanation?.next ? goalLines(ctx)[0] : undefined],
    [words.strongest, standingText(data, sw?.strongest)],
    [words.weakest, standingText(data, sw?.weakest)],
  ];
  const facts = lines
    .filter((l): l is [string, string] => l[1] !== undefined)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  const title = escapeHtml(printable(regionLabel(e.region, e.name)));
  // No badge when the framework has no tiers: "untiered" would read as a finding.
  const badge = data.table.framework.tiers ? ` <span class="badge tier ${e.tier >= 0 ? `tier-${e.tier}` : 'tier-none'}">${escapeHtml(tier)}</span>` : '';
  const standing = data.lang === 'zh' ? `得分 ${displayScore(e.score)} · 排名 ${e.rank}/${e.regions}` : `Score ${displayScore(e.score)} · rank ${e.rank} of ${e.regions}`;
  return `<article class="card" data-region="${escapeHtml(e.region)}"><h3>${title}${badge}</h3><p class="standing">${escapeHtml(standing)}</p><dl>${facts}</dl></article>`;
}

function restTable(data: ReportData, rows: readonly number[]): string {
  const words = REPORT_WORDS[data.lang];
  const { dataset, composite, tier, framework } = data.table;
  const hasTiers = framework.tiers !== undefined;
  const body = rows.map((row) => {
    const sw = strongestAndWeakest(data, row);
    const level = tier[row] ?? -1;
    const rank = composite.rank[row] ?? Number.NaN;
    return [
      { text: Number.isNaN(rank) ? NO_VALUE : String(rank), numeric: true },
      { text: printable(regionLabel(dataset.region[row] ?? '', dataset.name[row] ?? '')) },
      { text: displayScore(composite.score[row]), numeric: true },
      ...(hasTiers
        ? [{ text: level >= 0 ? tierLabel(framework, level, data.lang) : Number.isNaN(composite.score[row] ?? Number.NaN) ? words.unscored : words.untiered, tier: level }]
        : []),
      { text: standingText(data, sw?.strongest) },
      { text: standingText(data, sw?.weakest) },
    ];
  });
  const columns = [
    { header: words.rank, numeric: true },
    { header: words.region },
    { header: words.score, numeric: true },
    ...(hasTiers ? [{ header: words.tier }] : []),
    { header: words.strongest },
    { header: words.weakest },
  ];
  return htmlTable(columns, body, { className: 'rest' });
}

export function cardsSection(data: ReportData): HtmlSection {
  const words = REPORT_WORDS[data.lang];
  const carded = new Set(data.explanations.map((e) => e.row));
  const rest = data.rows.filter((row) => !carded.has(row));
  const cards = `<div class="cards">${data.explanations.map((e) => card(data, e)).join('\n')}</div>`;
  const summary = rest.length === 0 ? '' : `<p class="muted">${escapeHtml(words.cardsRest(data.explanations.length, rest.length))}</p>\n${restTable(data, rest)}`;
  return { id: 'cards', title: words.cards, body: `${cards}\n${summary}` };
}
