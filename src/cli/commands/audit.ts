/**
 * `dgmi audit FRAMEWORK DATA...`: loads and scores like `dgmi score`, then audits the data and
 * the framework's coherence for one period (src/analyse/audit). Findings go to stderr with the
 * loading and scoring ones; `--fail-on warning` makes a flagged framework exit 1, so CI can gate
 * a framework on its data.
 */
import { auditScores } from '../../analyse/audit/audit.js';
import { atOrAbove, hasErrors, sortDiagnostics, type Severity } from '../../diagnostics/diagnostic.js';
import { AUDIT_FORMATS, type AuditFormat } from '../../report/audit/index.js';
import { EXIT, type Io } from '../io.js';
import { loadAndScore } from './inputs.js';
import { formatterOptions, emit, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface AuditCommandOptions extends ReadingOptions, WritingOptions {
  readonly format: AuditFormat;
  readonly period?: string;
  readonly failOn: Severity;
  readonly color: boolean;
}

export async function runAudit(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: AuditCommandOptions): Promise<number> {
  const p = presentation(io, options);
  const run = await loadAndScore(frameworkPath, dataPaths, options);
  if (!run.table) {
    reportDiagnostics(io, version, p, run.diagnostics, [frameworkPath, ...dataPaths]);
    return run.status ?? EXIT.usage;
  }
  if (options.period !== undefined && !run.table.periods.includes(options.period)) {
    reportDiagnostics(io, version, p, run.diagnostics, [frameworkPath, ...dataPaths]);
    io.stderr(
      p.lang === 'zh'
        ? `dgmi: 数据中没有期间 '${options.period}'；现有期间：${run.table.periods.join('、') || '（无）'}\n`
        : `dgmi: no period '${options.period}' in the data; periods present: ${run.table.periods.join(', ') || '(none)'}\n`,
    );
    return EXIT.usage;
  }
  const report = auditScores(run.table, { period: options.period });
  const diagnostics = sortDiagnostics([...run.diagnostics, ...report.diagnostics]);
  reportDiagnostics(io, version, p, diagnostics, [frameworkPath, ...dataPaths]);
  const text = AUDIT_FORMATS[options.format](report, formatterOptions(p, options, version, diagnostics));
  const written = await emit(io, text, options.output, [frameworkPath, ...dataPaths], p.lang);
  if (written !== EXIT.ok) return written;
  if (run.status !== undefined) return run.status;
  if (hasErrors(diagnostics)) return EXIT.findings;
  return atOrAbove(diagnostics, options.failOn).length > 0 ? EXIT.findings : EXIT.ok;
}
