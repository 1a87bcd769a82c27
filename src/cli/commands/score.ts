import { atOrAbove, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { loadFramework } from '../../load/framework.js';
import { loadSubmissions } from '../../load/submissions.js';
import { missingRequiredRegions } from '../../regions/required-regions.js';
import type { Dataset } from '../../model/dataset.js';
import type { RegionReference } from '../../regions/region-reference.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import { locateFrameworkFindings } from '../../validate/locate-findings.js';
import type { FrameworkValidation } from '../../validate/validate-framework.js';
import type { Lang } from '../../model/i18n.js';
import { plainPalette } from '../../report/palette.js';
import { preparationSummary } from '../../report/results/preparation.js';
import { BINARY_RESULT_FORMATS, isBinaryResultFormat, RESULT_FORMATS, RESULT_STREAMS, type ResultDetail, type ScoreFormat } from '../../report/results/index.js';
import { isDetailedFormat } from '../../report/results/detail.js';
import { scoreAndTier } from '../../tier/tier-table.js';
import { EXIT, type Io } from '../io.js';
import { jsonThreads, parallelJsonChunks } from '../json-workers.js';
import { emit, hasUnreadableInput, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface ScoreOptions extends ReadingOptions, WritingOptions {
  readonly format: ScoreFormat;
  /** `--detail`: only for json, ndjson, csv and parquet. */
  readonly detail?: ResultDetail;
  readonly period?: string;
  readonly top?: number;
  readonly failOn?: Severity;
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
  /** Line and column of a framework document path, for the engine's findings about framework nodes. */
  readonly locate?: FrameworkValidation['locate'];
}

export interface LoadInputOptions extends ReadingOptions {
  /**
   * Report every required region of the framework's region list without a row (as `validate
   * --data` does): for the commands whose output ranks or compares every region (score,
   * compare, report), where a region silently absent would go unnoticed.
   */
  readonly checkRequiredRegions?: boolean | undefined;
}

/**
 * `region-required-missing` errors for the required regions of `regions` (the framework's region
 * list) with no row in a period of `dataset`, located at the framework's `regions:` key when the
 * list is built in. Empty without a region list. For every command that reports on all regions.
 */
export function missingRequiredRegionsOf(frameworkPath: string, inputs: Pick<LoadedInputs, 'regions' | 'dataset'>): Diagnostic[] {
  if (!inputs.regions || !inputs.dataset) return [];
  return missingRequiredRegions(inputs.regions, inputs.dataset, { file: frameworkPath, path: ['regions'] });
}

/** load → validate, shared by every command that reads a framework and submissions. */
export async function loadInputs(frameworkPath: string, dataPaths: readonly string[], options: LoadInputOptions): Promise<LoadedInputs> {
  const loaded = await loadFramework(frameworkPath);
  if (!loaded.framework) return { diagnostics: loaded.diagnostics, status: EXIT.usage };
  const submissions = await loadSubmissions(loaded.framework, dataPaths, options);
  const diagnostics = [...loaded.diagnostics, ...submissions.diagnostics];
  if (options.checkRequiredRegions === true) diagnostics.push(...missingRequiredRegionsOf(frameworkPath, submissions));
  if (!submissions.dataset) {
    return { framework: loaded.framework, diagnostics: sortDiagnostics(diagnostics), status: hasUnreadableInput(diagnostics) ? EXIT.usage : EXIT.findings };
  }
  return {
    framework: loaded.framework,
    dataset: submissions.dataset,
    diagnostics,
    ...(submissions.regions ? { regions: submissions.regions } : {}),
    ...(loaded.locate ? { locate: loaded.locate } : {}),
    ...(hasUnreadableInput(diagnostics) ? { status: EXIT.usage } : {}),
  };
}

/** load → validate → score, shared by every command that needs scores. */
export async function loadAndScore(frameworkPath: string, dataPaths: readonly string[], options: LoadInputOptions): Promise<ScoredRun> {
  const inputs = await loadInputs(frameworkPath, dataPaths, options);
  if (!inputs.framework || !inputs.dataset) return { diagnostics: inputs.diagnostics, status: inputs.status ?? EXIT.usage };
  const table = scoreAndTier(inputs.framework, inputs.dataset);
  const diagnostics = [...inputs.diagnostics, ...locateFrameworkFindings(table.diagnostics, inputs.framework.file, inputs.locate)];
  return { table: { ...table, diagnostics }, diagnostics, ...(inputs.status === undefined ? {} : { status: inputs.status }) };
}

export async function runScore(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: ScoreOptions): Promise<number> {
  const p = presentation(io, options);
  const refused = refusedFormatOptions(io, options, p.lang);
  if (refused !== undefined) return refused;
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
  if (isBinaryResultFormat(options.format)) {
    const written = await emit(io, BINARY_RESULT_FORMATS[options.format](run.table, formatOptions), options.output, [frameworkPath, ...dataPaths], p.lang);
    if (written !== EXIT.ok) return written;
    return run.status ?? exitForScores(run.table, run.diagnostics, options.failOn);
  }
  const threads = options.format === 'json' ? jsonThreads(run.table, formatOptions, options.threads) : 0;
  const format = RESULT_STREAMS[options.format] ?? RESULT_FORMATS[options.format];
  const text = threads > 0 ? parallelJsonChunks(run.table, formatOptions, threads) : format(run.table, formatOptions);
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
  if (isBinaryResultFormat(options.format) && options.output === undefined && io.stdoutIsTTY) {
    io.stderr(
      lang === 'zh'
        ? `dgmi: ${options.format} 是二进制格式，不能输出到终端；请用 --output 文件名，或重定向到文件\n`
        : `dgmi: ${options.format} is binary and is not written to a terminal: give --output FILE, or redirect to a file\n`,
    );
    return EXIT.usage;
  }
  return undefined;
}

/** 1 when a region was left unscored or a required one has no row (or a diagnostic reaches --fail-on), else 0. */
export function exitForScores(table: ScoreTable, diagnostics: readonly Diagnostic[], failOn: Severity | undefined): number {
  // A unit `screen` dropped is unscored by the framework's own rule, not by a data error.
  const screened = new Set((table.preparation?.screened ?? []).map((u) => `${u.region}\u0000${u.period}`));
  const isScreened = (row: number): boolean => screened.size > 0 && screened.has(`${table.dataset.region[row] ?? ''}\u0000${table.dataset.period[row] ?? ''}`);
  const unscored = table.composite.score.some((s, row) => Number.isNaN(s) && !isScreened(row));
  if (unscored) return EXIT.findings;
  // A required region with no row is as unscored as one with a blank row, only less visible.
  if (diagnostics.some((d) => d.code === 'region-required-missing')) return EXIT.findings;
  if (failOn !== undefined && atOrAbove(diagnostics, failOn).length > 0) return EXIT.findings;
  return EXIT.ok;
}
