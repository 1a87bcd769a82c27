import { missingValueDiagnostics, summariseRegions, type RegionFindings } from '../../analyse/submission-summary.js';
import { atOrAbove, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import type { EncodingOption } from '../../load/decode.js';
import { loadFramework } from '../../load/framework.js';
import { loadRegionReference } from '../../load/region-list-file.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { RegionReference } from '../../regions/region-reference.js';
import { missingRequiredRegions } from '../../regions/required-regions.js';
import type { DiagnosticFormat } from '../../report/diagnostics/index.js';
import { plainPalette } from '../../report/palette.js';
import { EXIT, type Io } from '../io.js';
import { loadDiagnosticFormatter } from '../diagnostic-writers.js';
import { emit, hasUnreadableInput, presentation } from './shared.js';
import type { ValidateSummary } from '../choices.js';

/** `--summary` choices: the findings per region (default), or none (listed in `../choices.ts`, so the program is built without this module). */
export { VALIDATE_SUMMARIES, type ValidateSummary } from '../choices.js';

export interface ValidateOptions {
  readonly format: DiagnosticFormat;
  readonly failOn: Severity;
  readonly output?: string;
  readonly maxBytes?: number;
  readonly lang?: string;
  readonly color: boolean;
  /** Submission files to check against the (single) framework, without scoring. */
  readonly data?: readonly string[];
  readonly encoding?: EncodingOption;
  readonly dataMaxBytes?: number;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly summary?: ValidateSummary;
}

export async function runValidate(io: Io, version: string, frameworks: readonly string[], options: ValidateOptions): Promise<number> {
  const p = presentation(io, options);
  const data = options.data ?? [];
  if (options.data !== undefined && frameworks.length !== 1) {
    io.stderr(
      p.lang === 'zh'
        ? `dgmi: --data 只能对照一个框架检查，但给出了 ${frameworks.length} 个：${frameworks.join('、')}\n`
        : `dgmi: --data checks submissions against one framework, but ${frameworks.length} were given: ${frameworks.join(', ')}\n`,
    );
    return EXIT.usage;
  }
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [...frameworks];
  let regions: RegionFindings[] | undefined;
  const dataOptions = {
    encoding: options.encoding ?? 'auto',
    ...(options.dataMaxBytes === undefined ? {} : { maxBytes: options.dataMaxBytes }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.headerRow === undefined ? {} : { headerRow: options.headerRow }),
  };
  for (const file of frameworks) {
    const result = await loadFramework(file, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
    diagnostics.push(...result.diagnostics);
    const framework = result.framework;
    if (!framework) continue;
    // A region list that cannot be read is a finding about the framework, --data or not.
    const list = await loadRegionReference(framework, dataOptions);
    diagnostics.push(...list.diagnostics);
    if (framework.regions?.kind === 'file') files.push(framework.regions.file);
    if (options.data === undefined) continue;
    const checked = await checkSubmissions(framework, file, list.reference, data, dataOptions, options.summary !== 'none');
    diagnostics.push(...checked.diagnostics);
    regions = checked.regions;
  }
  files.push(...data);
  const sorted = sortDiagnostics(diagnostics);
  const format = await loadDiagnosticFormatter(options.format);
  const text = format(sorted, {
    lang: p.lang,
    // A report written to a file never carries terminal escapes.
    color: options.output === undefined ? p.stdoutPalette : plainPalette,
    files,
    toolVersion: version,
    cwd: io.cwd,
    failOn: options.failOn,
    regions,
  });
  const written = await emit(io, text, options.output, files, p.lang);
  if (written !== EXIT.ok) return written;
  return validateExitStatus(sorted, options.failOn);
}

interface SubmissionCheck {
  readonly diagnostics: Diagnostic[];
  /** The findings per region; absent when no summary was asked for. */
  readonly regions?: RegionFindings[];
}

/**
 * Everything the loader finds in the submissions, plus what only a check before scoring asks
 * about: every missing value (with the policy the score would apply) and every required region
 * without a row.
 */
async function checkSubmissions(
  framework: ResolvedFramework,
  frameworkPath: string,
  reference: RegionReference | undefined,
  data: readonly string[],
  options: { encoding: EncodingOption; maxBytes?: number; sheet?: string; headerRow?: number },
  isSummarised: boolean,
): Promise<SubmissionCheck> {
  // The submission loader (csv-parse and the readers behind it) is needed only with --data.
  const { loadSubmissions } = await import('../../load/submissions.js');
  const loaded = await loadSubmissions(framework, data, { ...options, regions: reference ?? null, trackRowLines: true });
  const rowLines = loaded.rowLines ?? new Map();
  const diagnostics = [...loaded.diagnostics];
  if (loaded.dataset) {
    diagnostics.push(...missingValueDiagnostics(framework, loaded.dataset, loaded.diagnostics, rowLines));
    if (reference) diagnostics.push(...missingRequiredRegions(reference, loaded.dataset, { file: frameworkPath, path: ['regions'] }));
  }
  if (!isSummarised) return { diagnostics };
  return { diagnostics, regions: summariseRegions(diagnostics, rowLines, loaded.dataset, reference) };
}

/** 2 when an input could not be read, 1 when a finding reaches `failOn`, else 0. */
export function validateExitStatus(diagnostics: readonly Diagnostic[], failOn: Severity): number {
  if (hasUnreadableInput(diagnostics)) return EXIT.usage;
  return atOrAbove(diagnostics, failOn).length > 0 ? EXIT.findings : EXIT.ok;
}
