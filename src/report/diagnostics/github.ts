/**
 * `--format github`: GitHub Actions workflow commands, one line per diagnostic, which the runner
 * turns into annotations on the pull request
 * (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions).
 */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { renderHint, renderMessage } from '../../diagnostics/messages.js';
import { printableLines } from '../printable.js';
import { isPosition } from './locations.js';
import type { DiagnosticFormatOptions, DiagnosticFormatter } from './index.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The runner splits a command at the first `::` and at newlines, and properties at `,` and `:`,
 * so those are percent-encoded, `%` first (the same rules as @actions/core's escapeData).
 */
function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function command(d: Diagnostic, options: DiagnosticFormatOptions): string {
  // The file stays as the user named it: the runner itself maps absolute paths inside the
  // workspace to repository-relative ones, which a cwd-relative path could not do.
  const properties: [string, string][] = [['file', d.file]];
  // A column, or an end, means nothing to GitHub without the line it belongs to.
  if (isPosition(d.line)) {
    properties.push(['line', String(d.line)]);
    if (isPosition(d.column)) properties.push(['col', String(d.column)]);
    if (isPosition(d.endLine) && d.endLine >= d.line) {
      properties.push(['endLine', String(d.endLine)]);
      if (isPosition(d.endColumn)) properties.push(['endColumn', String(d.endColumn)]);
    }
  }
  properties.push(['title', d.code]);
  // The annotation shows several lines, so the hint goes under the message rather than nowhere.
  const hint = renderHint(d, options.lang);
  const text = hint ? `${renderMessage(d, options.lang)}\n${hint}` : renderMessage(d, options.lang);
  // Submitted text must not smuggle escape sequences into the CI log; line breaks are encoded below.
  const message = printableLines(text);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeData(message)}`;
}

/**
 * One `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::MESSAGE`
 * line per diagnostic (info becomes `notice`), sorted by file and position; the message is in
 * `options.lang`, followed by the hint on its own line. Nothing at all when there are no
 * diagnostics.
 */
export const github: DiagnosticFormatter = (diagnostics, options) =>
  sortDiagnostics(diagnostics)
    .map((d) => `${command(d, options)}\n`)
    .join('');
