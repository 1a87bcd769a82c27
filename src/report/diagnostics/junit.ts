/**
 * `--format junit`: JUnit XML, the one report format every CI system (Jenkins, GitLab, Azure
 * Pipelines, CircleCI) can display. Each checked file is a test suite; a clean file is one
 * passing test case, otherwise each diagnostic is a test case that fails when its severity is
 * at or above `failOn`, mirroring dgmi's own exit status.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { SEVERITY_ORDER, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { renderHint, renderMessage } from '../../diagnostics/messages.js';
import type { Lang } from '../../model/i18n.js';
import type { DiagnosticFormatter } from './index.js';
import { diagnosticsByFile, isPosition } from './locations.js';

/**
 * XML 1.0 allows only tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; anything
 * else (other control characters, lone surrogates, U+FFFE/U+FFFF) makes the whole report
 * unreadable, and cannot even be written as a character reference, so it is dropped.
 */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape character data: markup characters, and CR, which a parser would turn into LF. */
function xmlText(s: string): string {
  return s
    .replace(ILLEGAL_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/**
 * Escape an attribute value: quotes too, and tab and LF as character references, because a
 * parser normalises whitespace inside attributes to plain spaces.
 */
function xmlAttribute(s: string): string {
  return xmlText(s)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;');
}

/** `line:col`, `line`, or '' when the diagnostic has no position. */
function position(d: Diagnostic): string {
  if (!isPosition(d.line)) return '';
  return isPosition(d.column) ? `${d.line}:${d.column}` : String(d.line);
}

function testCase(d: Diagnostic, lang: Lang, isFailure: boolean): string[] {
  const at = position(d);
  const message = renderMessage(d, lang);
  const hint = renderHint(d, lang);
  const body = [at === '' ? d.file : `${d.file}:${at}`, `${d.severity}: ${message}`, ...(hint ? [hint] : [])].join('\n');
  const open = `    <testcase classname="${xmlAttribute(d.file)}" name="${xmlAttribute(at === '' ? d.code : `${at} ${d.code}`)}">`;
  const inner = isFailure
    ? `      <failure message="${xmlAttribute(message)}" type="${xmlAttribute(d.code)}">${xmlText(body)}</failure>`
    : // Below the threshold the finding is still shown, on a passing test case.
      `      <system-out>${xmlText(body)}</system-out>`;
  return [open, inner, '    </testcase>'];
}

/**
 * `<testsuites>` with one `<testsuite>` per file: a single passing `<testcase>` for a clean
 * file, else one `<testcase>` per diagnostic carrying `<failure message=… type=code>` when the
 * severity is at or above `options.failOn` (default `error`) and `<system-out>` otherwise.
 * Messages in `options.lang`; every value XML-escaped.
 */
export const junit: DiagnosticFormatter = (diagnostics, options) => {
  const failOn = options.failOn ?? 'error';
  const isFailure = (d: Diagnostic): boolean => SEVERITY_ORDER[d.severity] >= SEVERITY_ORDER[failOn];
  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  // A clean file is a suite too: one passing test case.
  for (const [file, found] of diagnosticsByFile(sortDiagnostics(diagnostics), options.files)) {
    const suiteTests = Math.max(1, found.length);
    const suiteFailures = found.filter(isFailure).length;
    tests += suiteTests;
    failures += suiteFailures;
    body.push(
      `  <testsuite name="${xmlAttribute(file)}" tests="${suiteTests}" failures="${suiteFailures}" errors="0">`,
    );
    if (found.length === 0) {
      body.push(`    <testcase classname="${xmlAttribute(file)}" name="${xmlAttribute(file)}"/>`);
    }
    for (const d of found) body.push(...testCase(d, options.lang, isFailure(d)));
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dgmi" tests="${tests}" failures="${failures}" errors="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};
