/**
 * `--format stylish` (the default): the ESLint/Spectral terminal layout, for people. One block
 * per file, one row per diagnostic with aligned columns, the hint under its message, and a
 * one-line summary. Columns are measured in terminal cells, so Chinese messages (two cells per
 * character) line up with English ones.
 */
import stringWidth from 'string-width';
import type { RegionFindings } from '../../analyse/submission-summary.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { renderHint, renderMessage } from '../../diagnostics/messages.js';
import { printable } from '../printable.js';
import { regionLabel } from '../results/labels.js';
import type { Lang } from '../../model/i18n.js';
import type { Palette } from '../palette.js';
import type { DiagnosticFormatter } from './index.js';
import { diagnosticsByFile, isPosition } from './locations.js';

interface StylishWords {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly hint: string;
  readonly clean: string;
  readonly summary: (counts: Readonly<Record<Severity, number>>) => string;
  readonly byRegion: string;
  /** `广西 (450000)` / `广西（450000）` (full-width brackets in Chinese), or the code alone when the region has no name. */
  readonly region: (r: RegionFindings) => string;
  /** `3 errors, 1 warning`: only the severities the region has. */
  readonly regionCounts: (r: RegionFindings) => string;
  readonly cleanRegions: (n: number, total: number) => string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const WORDS: Readonly<Record<Lang, StylishWords>> = {
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    hint: 'hint: ',
    clean: 'No problems found',
    summary: ({ error, warning, info }) => {
      const parts = [plural(error, 'error', 'errors'), plural(warning, 'warning', 'warnings')];
      // Infos are rare in validate output; naming "0 infos" every time would be noise.
      if (info > 0) parts.push(plural(info, 'info', 'infos'));
      return `✖ ${plural(error + warning + info, 'problem', 'problems')} (${parts.join(', ')})`;
    },
    byRegion: 'By region:',
    region: (r) => regionLabel(r.region, r.name),
    regionCounts: (r) =>
      [
        r.errors > 0 ? plural(r.errors, 'error', 'errors') : '',
        r.warnings > 0 ? plural(r.warnings, 'warning', 'warnings') : '',
        r.infos > 0 ? plural(r.infos, 'info', 'infos') : '',
      ]
        .filter((part) => part !== '')
        .join(', '),
    cleanRegions: (n, total) => (n === total ? `all ${plural(n, 'region', 'regions')} without problems` : `${n} other ${n === 1 ? 'region' : 'regions'} without problems`),
  },
  zh: {
    severity: { error: '错误', warning: '警告', info: '信息' },
    hint: '提示：',
    clean: '未发现问题',
    summary: ({ error, warning, info }) => {
      const parts = [`${error} 个错误`, `${warning} 个警告`];
      if (info > 0) parts.push(`${info} 条信息`);
      return `✖ ${error + warning + info} 个问题（${parts.join('，')}）`;
    },
    byRegion: '按地区：',
    region: (r) => (r.name === '' || r.name === r.region ? r.region : `${r.name}（${r.region}）`),
    regionCounts: (r) =>
      [r.errors > 0 ? `${r.errors} 个错误` : '', r.warnings > 0 ? `${r.warnings} 个警告` : '', r.infos > 0 ? `${r.infos} 条信息` : '']
        .filter((part) => part !== '')
        .join('，'),
    cleanRegions: (n, total) => (n === total ? `全部 ${n} 个地区均未发现问题` : `其余 ${n} 个地区未发现问题`),
  },
};

const INDENT = '  ';
const GAP = '  ';

/** Pad `text` (already measured as `width` cells) and colour only the text, not the padding. */
function cell(text: string, width: number, colour: (s: string) => string): string {
  return colour(text) + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function severityColour(palette: Palette, severity: Severity): (s: string) => string {
  return severity === 'error' ? palette.error : severity === 'warning' ? palette.warning : palette.info;
}

function fileBlock(group: readonly Diagnostic[], lang: Lang, palette: Palette): string[] {
  const words = WORDS[lang];
  const rows = group.map((d) => {
    const [first = '', ...rest] = renderMessage(d, lang).split(/\r\n|\r|\n/).map(printable);
    const line = isPosition(d.line) ? String(d.line) : '';
    const column = line !== '' && isPosition(d.column) ? String(d.column) : '';
    return { d, first, rest, line, column, hint: printableHint(renderHint(d, lang)) };
  });
  // `line:col` with the colons aligned: lines right-aligned, columns left-aligned (ESLint).
  const lineWidth = Math.max(0, ...rows.map((r) => r.line.length));
  const columnWidth = Math.max(0, ...rows.map((r) => r.column.length));
  const positionWidth = lineWidth === 0 ? 0 : lineWidth + (columnWidth === 0 ? 0 : 1 + columnWidth);
  const severityWidth = Math.max(...rows.map((r) => stringWidth(words.severity[r.d.severity])));
  const messageWidth = Math.max(...rows.map((r) => stringWidth(r.first)));
  const messageIndent = ' '.repeat(
    INDENT.length + (positionWidth === 0 ? 0 : positionWidth + GAP.length) + severityWidth + GAP.length,
  );

  const lines = [palette.bold(group[0]?.file ?? '')];
  for (const r of rows) {
    let position = '';
    if (positionWidth > 0) {
      const text =
        r.line === ''
          ? ''
          : r.line.padStart(lineWidth) + (r.column === '' ? '' : `:${r.column}`);
      position = cell(text, positionWidth, palette.dim) + GAP;
    }
    const severity = cell(words.severity[r.d.severity], severityWidth, severityColour(palette, r.d.severity));
    lines.push(
      INDENT + position + severity + GAP + cell(r.first, messageWidth, (s) => s) + GAP + palette.dim(r.d.code),
    );
    for (const more of r.rest) lines.push(messageIndent + more);
    if (r.hint) {
      const [hintFirst = '', ...hintRest] = r.hint.split(/\r\n|\r|\n/);
      lines.push(messageIndent + palette.dim(words.hint + hintFirst));
      const hintIndent = messageIndent + ' '.repeat(stringWidth(words.hint));
      for (const more of hintRest) lines.push(hintIndent + palette.dim(more));
    }
  }
  return lines;
}

/**
 * `By region:` then one `  广西 (450000): 3 errors, 1 warning` line per region with findings
 * (names aligned), and how many regions had none; nothing without regions.
 */
function regionBlock(regions: readonly RegionFindings[], lang: Lang, palette: Palette): string[] {
  if (regions.length === 0) return [];
  const words = WORDS[lang];
  const flagged = regions.filter((r) => r.errors + r.warnings + r.infos > 0);
  const separator = lang === 'zh' ? '：' : ':';
  const labelWidth = Math.max(0, ...flagged.map((r) => stringWidth(words.region(r) + separator)));
  const lines = [palette.bold(words.byRegion)];
  for (const r of flagged) {
    const worst: Severity = r.errors > 0 ? 'error' : r.warnings > 0 ? 'warning' : 'info';
    lines.push(INDENT + cell(words.region(r) + separator, labelWidth, (s) => s) + ' ' + severityColour(palette, worst)(words.regionCounts(r)));
  }
  const clean = regions.length - flagged.length;
  if (clean > 0) lines.push(INDENT + palette.dim(words.cleanRegions(clean, regions.length)));
  return [...lines, ''];
}

/**
 * Human-readable report: for each file with findings, its name, then
 * `  line:col  severity  message  code` rows (hint on the next line, under the message), a blank
 * line, the findings per region when `options.regions` is given, and
 * `✖ N problems (E errors, W warnings)`; `No problems found` when there are none.
 * Words follow `options.lang`; colour comes only from `options.color`.
 */
export const stylish: DiagnosticFormatter = (diagnostics, options) => {
  const { lang, color: palette } = options;
  const words = WORDS[lang];
  if (diagnostics.length === 0) return `${palette.success(words.clean)}\n`;

  const lines: string[] = [];
  // Only files with findings get a block; a clean file is not listed.
  for (const group of diagnosticsByFile(sortDiagnostics(diagnostics), options.files).values()) {
    if (group.length > 0) lines.push(...fileBlock(group, lang, palette), '');
  }
  lines.push(...regionBlock(options.regions ?? [], lang, palette));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  lines.push(palette.bold(severityColour(palette, worst)(words.summary(counts))));
  return `${lines.join('\n')}\n`;
};

function printableHint(hint: string | undefined): string | undefined {
  return hint === undefined ? undefined : printable(hint);
}
