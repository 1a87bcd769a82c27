/**
 * Section 1, summary: what was scored, by which framework, from which files — enough to trace
 * every number back (framework version and sha256, each input's sha256, dgmi's version) — and
 * how many regions fell in each tier, with the tier rules in words.
 */
import { pickText } from '../../../model/i18n.js';
import { tierLabel } from '../../results/labels.js';
import { escapeHtml } from '../escape.js';
import { htmlTable } from '../html-table.js';
import { preparationSummaryHtml } from '../preparation-summary.js';
import type { ReportData } from '../report-data.js';
import { tierRuleText } from '../tier-rule-words.js';
import { REPORT_WORDS } from '../words.js';
import type { HtmlSection } from './section.js';

/** Regions of the period per tier level, then untiered last. */
export function tierCounts(data: ReportData): { levels: number[]; untiered: number } {
  const levels = (data.table.framework.tiers?.levels ?? []).map(() => 0);
  let untiered = 0;
  for (const row of data.rows) {
    const level = data.table.tier[row] ?? -1;
    if (level >= 0 && level < levels.length) levels[level] = (levels[level] ?? 0) + 1;
    else untiered++;
  }
  return { levels, untiered };
}

/** Up to this many files are listed in the summary; more (a file per region) go to the appendix. */
export const INLINE_FILES = 8;

interface ListedFile {
  readonly path: string;
  readonly sha256: string;
  readonly role: string;
}

function inputFiles(data: ReportData): ListedFile[] {
  const { framework, dataset } = data.table;
  const words = REPORT_WORDS[data.lang];
  return [
    ...(framework.file === undefined ? [] : [{ path: framework.file, sha256: framework.sha256 ?? '', role: words.frameworkFile }]),
    ...dataset.inputs.map((input) => ({ path: input.path, sha256: input.sha256, role: '' })),
  ];
}

function filesTable(data: ReportData, files: readonly ListedFile[]): string {
  const words = REPORT_WORDS[data.lang];
  return htmlTable(
    [{ header: words.file }, { header: 'sha256' }],
    files.map((f) => [{ text: f.role === '' ? f.path : `${f.path} (${f.role})` }, { text: f.sha256 }]),
    { className: 'files', caption: words.inputs },
  );
}

/** The appendix listing every input with its sha256, when there are too many for the summary. */
export function provenanceSection(data: ReportData): HtmlSection | undefined {
  const files = inputFiles(data);
  if (files.length <= INLINE_FILES) return undefined;
  return { id: 'provenance', title: REPORT_WORDS[data.lang].provenance, body: filesTable(data, files) };
}

export function summarySection(data: ReportData): HtmlSection {
  const { framework } = data.table;
  const words = REPORT_WORDS[data.lang];
  const scored = data.rows.filter((row) => !Number.isNaN(data.table.composite.score[row] ?? Number.NaN)).length;
  const facts: [string, string][] = [
    [words.framework, `${pickText(framework.name, data.lang, framework.id)} (${framework.id})`],
    ...(framework.version === undefined ? [] : [[words.version, framework.version] as [string, string]]),
    ...(framework.source === undefined ? [] : [[words.source, framework.source] as [string, string]]),
    ...(data.period === '' ? [] : [[words.period, data.period] as [string, string]]),
    [words.regions, data.lang === 'zh' ? `${data.rows.length}（${words.scored} ${scored}）` : `${data.rows.length} (${scored} ${words.scored})`],
  ];
  const factList = `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;

  let tiers = `<p>${escapeHtml(words.noTiers)}</p>`;
  const levels = framework.tiers?.levels ?? [];
  if (levels.length > 0) {
    const counts = tierCounts(data);
    const natural = framework.tiers?.method === 'natural-breaks';
    const rows = levels.map((level, i) => [
      { text: tierLabel(framework, i, data.lang), tier: i },
      { text: natural ? words.naturalBreaks : level.rule ? tierRuleText(level.rule, framework, data.lang) : '—' },
      { text: String(counts.levels[i] ?? 0), numeric: true },
    ]);
    if (counts.untiered > 0) rows.push([{ text: words.untiered, tier: -1 }, { text: '—' }, { text: String(counts.untiered), numeric: true }]);
    tiers = htmlTable([{ header: words.tier }, { header: words.rule }, { header: words.count, numeric: true }], rows, { className: 'tiers' });
  }

  const files = inputFiles(data);
  const provenance =
    files.length <= INLINE_FILES
      ? filesTable(data, files)
      : `<p><strong>${escapeHtml(words.inputs)}</strong> ${escapeHtml(words.filesInAppendix(files.length))}</p>`;
  const preparation = preparationSummaryHtml(data);
  const body = `${factList}\n<h3>${escapeHtml(words.tiers)}</h3>\n${tiers}\n${preparation === '' ? '' : `${preparation}\n`}${provenance}\n<p class="muted">${escapeHtml(words.generatedBy(data.toolVersion))}</p>`;
  return { id: 'summary', title: words.summary, body };
}
