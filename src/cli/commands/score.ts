import { atOrAbove, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import type { EncodingOption } from '../../load/decode.js';
import { loadFramework } from '../../load/framework.js';
import { loadSubmissions } from '../../load/submissions.js';
import type { Dataset } from '../../model/dataset.js';
import type { RegionReference } from '../../regions/region-reference.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import { plainPalette } from '../../report/palette.js';
import { isBinaryResultFormat, RESULT_BINARY_FORMATS, RESULT_FORMATS, RESULT_STREAMS, type ResultBinaryFormat, type ResultFormat } from '../../report/results/index.js';
import { score } from '../../score/engine.js';
import { EXIT, type Io } from '../io.js';
import { jsonThreads, parallelJsonChunks } from '../json-workers.js';
import { emit, emitBytes, hasUnreadableInput, presentation, reportDiagnostics } from './shared.js';

export interface ScoreOptions {
  readonly format: ResultFormat | ResultBinaryFormat;
  readonly output?: string;
  readonly period?: string;
  readonly top?: number;
  readonly failOn?: Severity;
  readonly encoding: EncodingOption;
  readonly maxBytes?: number;
  readonly sheet?: string;
  readonly threads?: number;
  readonly bom?: boolean;
  readonly lang?: string;
  readonly color: boolean;
}

export interface ScoredRun {
  readonly table?: ScoreTable;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the run cannot go on (framework invalid, nothing readable). */
  readonly status?: number;
}

export interface LoadedInputs {
  readonly framework?: ResolvedFramework;
  readonly dataset?: Dataset;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the run cannot go on (framework invalid, nothing readable). */
  readonly status?: number;
  /** The framework's region list as read, so a second data set can be checked against it without re-reading. */
  readonly regions?: RegionReference;
}

export interface LoadInputOptions {
  readonly encoding: EncodingOption;
  readonly maxBytes?: number | undefined;
  /** The sheet of .xlsx submissions (`--sheet`); the first when absent. */
  readonly sheet?: string | undefined;
  /** Worker threads for large files (`--threads`); by size and CPU count when absent, none at 1. */
  readonly threads?: number | undefined;
}

/** load → validate, shared by every command that reads a framework and submissions. */
export async function loadInputs(frameworkPath: string, dataPaths: readonly string[], options: LoadInputOptions): Promise<LoadedInputs> {
  const loaded = await loadFramework(frameworkPath);
  if (!loaded.framework) return { diagnostics: loaded.diagnostics, status: EXIT.usage };
  const submissions = await loadSubmissions(loaded.framework, dataPaths, options);
  const diagnostics = [...loaded.diagnostics, ...submissions.diagnostics];
  if (!submissions.dataset) {
    return { framework: loaded.framework, diagnostics: sortDiagnostics(diagnostics), status: hasUnreadableInput(diagnostics) ? EXIT.usage : EXIT.findings };
  }
  return {
    framework: loaded.framework,
    dataset: submissions.dataset,
    diagnostics,
    ...(submissions.regions ? { regions: submissions.regions } : {}),
    ...(hasUnreadableInput(diagnostics) ? { status: EXIT.usage } : {}),
  };
}

/** load → validate → score, shared by every command that needs scores. */
export async function loadAndScore(frameworkPath: string, dataPaths: readonly string[], options: LoadInputOptions): Promise<ScoredRun> {
  const inputs = await loadInputs(frameworkPath, dataPaths, options);
  if (!inputs.framework || !inputs.dataset) return { diagnostics: inputs.diagnostics, status: inputs.status ?? EXIT.usage };
  const table = score(inputs.framework, inputs.dataset);
  const diagnostics = [...inputs.diagnostics, ...table.diagnostics];
  return { table: { ...table, diagnostics }, diagnostics, ...(inputs.status === undefined ? {} : { status: inputs.status }) };
}

export async function runScore(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: ScoreOptions): Promise<number> {
  const p = presentation(io, options);
  if (isBinaryResultFormat(options.format) && options.output === undefined) {
    io.stderr(
      p.lang === 'zh'
        ? `dgmi: --format ${options.format} 是二进制文件，请用 --output 指定文件（如 results.${options.format}）\n`
        : `dgmi: --format ${options.format} is a binary file: name it with --output (e.g. results.${options.format})\n`,
    );
    return EXIT.usage;
  }
  const run = await loadAndScore(frameworkPath, dataPaths, options);
  reportDiagnostics(io, version, p, run.diagnostics, [frameworkPath, ...dataPaths]);
  if (!run.table) return run.status ?? EXIT.usage;
  if (options.period !== undefined && !run.table.periods.includes(options.period)) {
    io.stderr(
      p.lang === 'zh'
        ? `dgmi: 数据中没有期间 '${options.period}'；现有期间：${run.table.periods.join('、') || '（无）'}\n`
        : `dgmi: no period '${options.period}' in the data; periods present: ${run.table.periods.join(', ') || '(none)'}\n`,
    );
    return EXIT.usage;
  }
  const formatOptions = {
    lang: p.lang,
    palette: options.output === undefined ? p.stdoutPalette : plainPalette,
    toolVersion: version,
    period: options.period,
    top: options.top,
    bom: options.bom === true,
  };
  if (isBinaryResultFormat(options.format)) {
    const bytes = await RESULT_BINARY_FORMATS[options.format](run.table, formatOptions);
    const written = await emitBytes(io, bytes, options.output ?? '', [frameworkPath, ...dataPaths], p.lang);
    if (written !== EXIT.ok) return written;
    if (run.status !== undefined) return run.status;
    return exitForScores(run.table, run.diagnostics, options.failOn);
  }
  const threads = options.format === 'json' ? jsonThreads(run.table, formatOptions, options.threads) : 0;
  const format = RESULT_STREAMS[options.format] ?? RESULT_FORMATS[options.format];
  const text = threads > 0 ? parallelJsonChunks(run.table, formatOptions, threads) : format(run.table, formatOptions);
  const written = await emit(io, text, options.output, [frameworkPath, ...dataPaths], p.lang);
  if (written !== EXIT.ok) return written;
  if (run.status !== undefined) return run.status;
  return exitForScores(run.table, run.diagnostics, options.failOn);
}

/** 1 when a region was left unscored (or a diagnostic reaches --fail-on), else 0. */
export function exitForScores(table: ScoreTable, diagnostics: readonly Diagnostic[], failOn: Severity | undefined): number {
  const unscored = table.composite.score.some((s) => Number.isNaN(s));
  if (unscored) return EXIT.findings;
  if (failOn !== undefined && atOrAbove(diagnostics, failOn).length > 0) return EXIT.findings;
  return EXIT.ok;
}
