/**
 * `dgmi explain FRAMEWORK DATA... REGION`. Commander cannot put a single argument after a
 * variadic one, so the region is the last of `<args...>` (see `splitDataAndRegion`).
 */
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { explainRegion } from '../../analyse/explain.js';
import { EXPLAIN_FORMATS, type ExplainFormat } from '../../report/explain/index.js';
import { EXIT, type Io } from '../io.js';
import { loadAndScore } from './inputs.js';
import { formatterOptions, emit, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface ExplainCommandOptions extends ReadingOptions, WritingOptions {
  readonly format: ExplainFormat;
  readonly period?: string;
  readonly top?: number;
  readonly color: boolean;
}

/** `DATA... REGION` as commander hands it over: every argument but the last is a data file. */
export function splitDataAndRegion(args: readonly string[]): { dataPaths: string[]; region: string } {
  return { dataPaths: args.slice(0, -1), region: args[args.length - 1] ?? '' };
}

/** Codes that mean the user named something the data does not have: a usage error. */
const USAGE_CODES = new Set(['region-unknown', 'region-ambiguous', 'region-not-in-period', 'period-unknown']);

/**
 * load → score → explain → format → write. Exit 0 with an explanation (1 when the data had
 * errors), 2 for a usage mistake (no data file, an unknown region or period) or unreadable
 * input, 1 when the region itself is unscored.
 */
export async function runExplain(
  io: Io,
  version: string,
  frameworkPath: string,
  dataPaths: readonly string[],
  region: string,
  options: ExplainCommandOptions,
): Promise<number> {
  const p = presentation(io, options);
  if (dataPaths.length === 0 || region === '') {
    io.stderr(
      p.lang === 'zh'
        ? 'dgmi: 用法：dgmi explain 指标框架 数据文件... 地区（地区放在最后，可用代码、全称或简称）\n'
        : 'dgmi: usage: dgmi explain FRAMEWORK DATA... REGION (the region comes last: a code, full or short name)\n',
    );
    return EXIT.usage;
  }
  const inputs = [frameworkPath, ...dataPaths];
  const run = await loadAndScore(frameworkPath, dataPaths, options);
  if (!run.table) {
    reportDiagnostics(io, version, p, run.diagnostics, inputs);
    return run.status ?? EXIT.usage;
  }
  const outcome = explainRegion(run.table, region, { period: options.period, top: options.top, regionArgument: 'REGION' });
  const diagnostics = [...run.diagnostics, ...outcome.diagnostics];
  reportDiagnostics(io, version, p, diagnostics, inputs);
  if (!outcome.explanation) {
    return outcome.diagnostics.some((d) => USAGE_CODES.has(d.code)) ? EXIT.usage : EXIT.findings;
  }
  const format = EXPLAIN_FORMATS[options.format];
  const text = format(outcome.explanation, formatterOptions(p, options, version, diagnostics));
  const written = await emit(io, text, options.output, inputs, p.lang);
  if (written !== EXIT.ok) return written;
  if (run.status !== undefined) return run.status;
  return hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
}
