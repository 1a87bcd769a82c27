/**
 * `dgmi report FRAMEWORK DATA... --output report.html`: the self-contained HTML report. Loads and
 * scores like `dgmi score`, then hands the score table to the report builder with the report's
 * own options (`--cards`, `--regions`, `--map`). Chinese by default for a framework named in
 * Chinese, unless `--lang` says otherwise.
 */
import { lookupRegions } from '../../analyse/region-lookup.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { loadMapBoundaries } from '../../load/map-boundaries.js';
import { loadSensitivityResult } from '../../load/sensitivity-result.js';
import type { Lang } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { renderHtmlReport } from '../../report/html/document.js';
import { prepareReport } from '../../report/html/report-data.js';
import { EXIT, type Io } from '../io.js';
import { splitRegionList } from '../region-list-option.js';
import { exitForScores, loadAndScore } from './inputs.js';
import { emit, hasUnreadableInput, presentation, readingOptionsOf, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface ReportOptions extends ReadingOptions, WritingOptions {
  readonly period?: string;
  readonly cards?: number;
  readonly regions?: string;
  readonly map?: string;
  readonly sensitivity?: string;
  readonly failOn?: Severity;
}

/** `--lang` wins; otherwise Chinese for a framework with a Chinese name, else English. */
export function reportLang(flag: string | undefined, framework: ResolvedFramework | undefined): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  return framework?.name.zh !== undefined ? 'zh' : 'en';
}

/**
 * Runs `dgmi report`: 0 when the report was written, 1 when data errors left a region unscored
 * (the report is still written, listing it as unscored) or a diagnostic reaches `--fail-on`,
 * 2 for usage errors (unknown period or region) and unreadable input (framework, data, map), or a
 * sensitivity file for another framework or period.
 */
export async function runReport(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: ReportOptions): Promise<number> {
  const extra = [options.map, options.sensitivity].filter((path): path is string => path !== undefined);
  const inputs = [frameworkPath, ...dataPaths, ...extra];
  // Only the reading options: `options.regions` (profiles) must not reach the loader, whose `regions` is the region list.
  // A required region without a row would be silently missing from every chart: said, as score and compare say it.
  const run = await loadAndScore(frameworkPath, dataPaths, { ...readingOptionsOf(options), checkRequiredRegions: true });
  const p = { ...presentation(io, options), lang: reportLang(options.lang, run.table?.framework) };
  const say = (diagnostics: readonly Diagnostic[]) => reportDiagnostics(io, version, p, sortDiagnostics(diagnostics), inputs);
  if (!run.table) {
    say(run.diagnostics);
    return run.status ?? EXIT.usage;
  }
  const table = run.table;
  const problems: Diagnostic[] = [];
  if (options.period !== undefined && !table.periods.includes(options.period)) {
    say(run.diagnostics);
    io.stderr(
      p.lang === 'zh'
        ? `dgmi: 数据中没有期间 '${options.period}'；现有期间：${table.periods.join('、') || '（无）'}\n`
        : `dgmi: no period '${options.period}' in the data; periods present: ${table.periods.join(', ') || '(none)'}\n`,
    );
    return EXIT.usage;
  }
  const profiles = options.regions === undefined ? undefined : lookupRegions(table.dataset, splitRegionList(options.regions), '--regions');
  problems.push(...(profiles?.diagnostics ?? []));
  const loadedMap = options.map === undefined ? undefined : await loadMapBoundaries(options.map);
  problems.push(...(loadedMap?.diagnostics ?? []));
  const period = options.period ?? table.periods[table.periods.length - 1] ?? '';
  const loadedSensitivity =
    options.sensitivity === undefined
      ? undefined
      : await loadSensitivityResult(options.sensitivity, {
          frameworkId: table.framework.id,
          frameworkVersion: table.framework.version,
          period,
          frameworkSha256: table.framework.sha256,
          dataSha256: table.dataset.inputs.map((input) => input.sha256),
        });
  // An unusable file stops the report (exit 2); a usable one's warnings are said with the rest.
  if (loadedSensitivity && !loadedSensitivity.sensitivity) problems.push(...loadedSensitivity.diagnostics);
  if (problems.length > 0) {
    say([...run.diagnostics, ...problems]);
    return EXIT.usage;
  }

  const data = prepareReport(table, {
    lang: p.lang,
    toolVersion: version,
    period: options.period,
    cards: options.cards,
    profiles: profiles?.regions,
    map: loadedMap?.map,
    sensitivity: loadedSensitivity?.sensitivity,
  });
  // What the analyses found (rows without a group, …) is said along with the loaders' findings.
  const diagnostics = [...run.diagnostics, ...(loadedSensitivity?.sensitivity ? loadedSensitivity.diagnostics : []), ...data.diagnostics];
  say(diagnostics);
  const html = renderHtmlReport(data);
  const written = await emit(io, html, options.output, inputs, p.lang);
  if (written !== EXIT.ok) return written;
  if (run.status !== undefined || hasUnreadableInput(run.diagnostics)) return run.status ?? EXIT.usage;
  return exitForScores(table, diagnostics, options.failOn);
}
