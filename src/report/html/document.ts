/**
 * The HTML report as one self-contained document: every chart an inline SVG, one inline
 * stylesheet, no script, no font, image or link fetched at view time — and a Content Security
 * Policy that forbids fetching anything, so "no network" is a property of the page itself,
 * not only of how it was made. Everything from a file is escaped by the section that shows it.
 */
import { pickText } from '../../model/i18n.js';
import { provenanceNote } from '../results/labels.js';
import { escapeHtml } from './escape.js';
import { prepareReport, type HtmlReportOptions, type ReportData } from './report-data.js';
import { cardsSection } from './sections/cards.js';
import { groupsSection } from './sections/groups.js';
import { heatmapSection } from './sections/heatmap.js';
import { mapSection } from './sections/map.js';
import { periodsSection } from './sections/periods.js';
import { profilesSection } from './sections/profiles.js';
import { rankingSection } from './sections/ranking.js';
import { sensitivitySection } from './sections/sensitivity.js';
import type { HtmlSection } from './sections/section.js';
import { provenanceSection, summarySection } from './sections/summary.js';
import { reportCss } from './style.js';
import { tierColours } from './tier-colours.js';
import { REPORT_WORDS } from './words.js';
import type { ScoreTable } from '../../model/score-table.js';

/** Nothing may be fetched: inline styles (ours and the SVGs') and data: images only; no script at all. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The sections in reading order; a section without its data (no groups, one period, no map) is left out. */
export function reportSections(data: ReportData): HtmlSection[] {
  const sections = [
    summarySection(data),
    rankingSection(data),
    profilesSection(data),
    heatmapSection(data),
    groupsSection(data),
    periodsSection(data),
    cardsSection(data),
    sensitivitySection(data),
    mapSection(data),
    provenanceSection(data),
  ];
  return sections.filter((s): s is HtmlSection => s !== undefined);
}

/**
 * ECharts names its SVG classes and gradient ids `zr<chart>-cls-<n>`, `zr<chart>-g<n>`, both
 * numbers counting for the life of the process, so the same report rendered twice would differ.
 * Each distinct name is renumbered by its first appearance in the document (`ec1`, `ec2`, …):
 * names stay distinct within the document, refer to the same things, and are the same on every run.
 */
export function renumberChartIds(html: string): string {
  const seen = new Map<string, string>();
  return html.replace(/\bzr\d+-[A-Za-z]+-?\d+\b/gu, (name) => {
    let id = seen.get(name);
    if (id === undefined) {
      id = `ec${seen.size + 1}`;
      seen.set(name, id);
    }
    return id;
  });
}

/** The report document for gathered data. */
export function renderHtmlReport(data: ReportData): string {
  const { framework } = data.table;
  const words = REPORT_WORDS[data.lang];
  const name = pickText(framework.name, data.lang, framework.id);
  const heading = data.period === '' ? name : `${name} · ${data.period}`;
  const sections = reportSections(data);
  const nav = `<nav aria-label="${escapeHtml(words.contents)}"><strong>${escapeHtml(words.contents)}</strong><ol>${sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const body = renumberChartIds(sections
    .map((s, i) => `<section class="report-section" id="${s.id}" data-section="${s.id}">\n<h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`)
    .join('\n'));
  return [
    '<!DOCTYPE html>',
    `<html lang="${data.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="dgmi ${escapeHtml(data.toolVersion)}">`,
    `<title>${escapeHtml(`${heading} — ${words.title}`)}</title>`,
    `<style>${reportCss(tierColours(framework))}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(heading)}</h1><p class="subtitle">${escapeHtml(words.title)}</p>${nav}</header>`,
    body,
    `<footer>${escapeHtml(provenanceNote(framework, data.toolVersion, data.lang))}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Score table → report, in one call: what `dgmi score --format html` and the library use. */
export function htmlReport(table: ScoreTable, options: HtmlReportOptions): string {
  return renderHtmlReport(prepareReport(table, options));
}
