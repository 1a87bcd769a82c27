import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../model/i18n.js';
import { plainPalette } from '../../report/palette.js';
import { preparationSummary } from '../../report/results/preparation.js';
import type { ResultDetail, ScoreFormat } from '../../report/results/index.js';
import { isDetailedFormat } from '../../report/results/detail.js';
import { EXIT, type Io } from '../io.js';
import { csvThreads, parallelCsvChunks } from '../csv-workers.js';
import { jsonThreads, parallelJsonChunks } from '../json-workers.js';
import { isBinaryFormat, startLoadingWriter } from '../result-writers.js';
import { exitForScores, loadAndScore } from './inputs.js';
import { emit, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

// Loading and scoring the inputs, shared by every command that scores, has a module of its own
// (./inputs.ts) so that those commands do not load this one; re-exported here as before.
export { exitForScores, loadAndScore, loadInputs, missingRequiredRegionsOf, type LoadedInputs, type LoadInputOptions, type ScoredRun } from './inputs.js';

export interface ScoreOptions extends ReadingOptions, WritingOptions {
  readonly format: ScoreFormat;
  /** `--detail`: only for json, ndjson, csv and parquet. */
  readonly detail?: ResultDetail;
  readonly period?: string;
  readonly top?: number;
  readonly failOn?: Severity;
}

export async function runScore(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: ScoreOptions): Promise<number> {
  const p = presentation(io, options);
  const refused = refusedFormatOptions(io, options, p.lang);
  if (refused !== undefined) return refused;
  const loading = startLoadingWriter(options.format);
  const run = await loadAndScore(frameworkPath, dataPaths, { ...options, checkRequiredRegions: true });
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
    detail: options.detail,
  };
  if (loading.kind === 'binary') {
    const writeBinary = await loading.writer;
    const written = await emit(io, writeBinary(run.table, formatOptions), options.output, [frameworkPath, ...dataPaths], p.lang);
    if (written !== EXIT.ok) return written;
    return run.status ?? exitForScores(run.table, run.diagnostics, options.failOn);
  }
  const threads = options.format === 'json' ? jsonThreads(run.table, formatOptions, options.threads) : options.format === 'csv' ? csvThreads(run.table, formatOptions, options.threads) : 0;
  const text =
    threads === 0
      ? (await loading.writer)(run.table, formatOptions)
      : options.format === 'json'
        ? parallelJsonChunks(run.table, formatOptions, threads)
        : parallelCsvChunks(run.table, formatOptions, threads);
  const written = await emit(io, text, options.output, [frameworkPath, ...dataPaths], p.lang);
  if (written !== EXIT.ok) return written;
  // Data preparation (issue 10): one summary line on stderr when the framework prepares.
  if (run.table.preparation) io.stderr(preparationSummary(run.table.preparation, p.lang));
  if (run.status !== undefined) return run.status;
  return exitForScores(run.table, run.diagnostics, options.failOn);
}

/**
 * Option combinations refused before any file is read (status 2): `--detail` with a format it
 * does not apply to, and binary output (Parquet) bound for a terminal, where it would garble
 * the screen.
 */
function refusedFormatOptions(io: Io, options: Pick<ScoreOptions, 'format' | 'detail' | 'output'>, lang: Lang): number | undefined {
  if (options.detail !== undefined && !isDetailedFormat(options.format)) {
    io.stderr(
      lang === 'zh'
        ? `dgmi: --detail 只用于 json、ndjson、csv 和 parquet 格式，不用于 ${options.format}\n`
        : `dgmi: --detail applies to the json, ndjson, csv and parquet formats, not ${options.format}\n`,
    );
    return EXIT.usage;
  }
  if (isBinaryFormat(options.format) && options.output === undefined && io.stdoutIsTTY) {
    io.stderr(
      lang === 'zh'
        ? `dgmi: ${options.format} 是二进制格式，不能输出到终端；请用 --output 文件名，或重定向到文件\n`
        : `dgmi: ${options.format} is binary and is not written to a terminal: give --output FILE, or redirect to a file\n`,
    );
    return EXIT.usage;
  }
  return undefined;
}
