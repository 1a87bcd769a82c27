/**
 * `dgmi compare FRAMEWORK DATA...`: regions side by side (`--regions`), two periods (`--from`,
 * `--to`, `--baseline`), or groups (`--by group`). Loads and scores like `dgmi score`, except
 * that the data set is assembled for the question first (the two periods only, or a baseline
 * stacked under the current data) and that comparisons across periods normalise pooled by
 * default, since relative methods make scores of separately normalised periods incomparable.
 */
import { compareGroups } from '../../analyse/compare-groups.js';
import { baselineLabels, choosePeriodPair, comparePeriods, datasetOfPeriods, stackBaseline } from '../../analyse/compare-periods.js';
import type { Analysis, NormaliseScope } from '../../analyse/analysis.js';
import { compareRegions } from '../../analyse/compare-regions.js';
import { choosePeriod, lookupRegions } from '../../analyse/region-lookup.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { loadSubmissions } from '../../load/submissions.js';
import type { Dataset } from '../../model/dataset.js';
import type { Lang } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import { COMPARE_FORMATS, type CompareFormat, type Comparison } from '../../report/compare/index.js';
import { compareCodeUnits } from '../../score/partition.js';
import { scoreAndTier } from '../../tier/tier-table.js';
import { EXIT, type Io } from '../io.js';
import { exitForScores, loadInputs, missingRequiredRegionsOf } from './inputs.js';
import { splitRegionList } from '../region-list-option.js';
import { formatterOptions, readingOptionsOf, emit, hasUnreadableInput, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

// `--regions` lists are split by a module of their own, which `report` shares without loading this command.
export { splitRegionList } from '../region-list-option.js';

export interface CompareOptions extends ReadingOptions, WritingOptions {
  readonly regions?: string;
  readonly from?: string;
  readonly to?: string;
  readonly baseline?: readonly string[];
  readonly by?: string;
  readonly period?: string;
  readonly normalise?: string;
  readonly top?: number;
  readonly format: CompareFormat;
  readonly failOn?: Severity;
}

/** What to compare, as the options asked for it. */
type Request =
  | { readonly kind: 'regions'; readonly queries: readonly string[] }
  | { readonly kind: 'periods' }
  | { readonly kind: 'groups' };

/** A usage problem in the options, in both languages (it is found before anything is loaded). */
interface UsageProblem {
  readonly en: string;
  readonly zh: string;
}

/** The one comparison the options ask for, or the usage problem that prevents it. */
export function requestOf(options: CompareOptions): Request | UsageProblem {
  const wantsPeriods = options.from !== undefined || options.to !== undefined || options.baseline !== undefined;
  const chosen = [options.regions !== undefined, wantsPeriods, options.by !== undefined].filter(Boolean).length;
  if (chosen === 0) {
    return {
      en: 'say what to compare: --regions A,B (side by side), --from/--to or --baseline FILE (across periods), or --by group',
      zh: '请指定比较方式：--regions 甲,乙（地区对比）、--from/--to 或 --baseline 文件（跨期对比），或 --by group（分组对比）',
    };
  }
  if (chosen > 1) {
    return {
      en: 'choose one comparison: --regions, --from/--to/--baseline, or --by',
      zh: '一次只能进行一种比较：--regions、--from/--to/--baseline 或 --by',
    };
  }
  if (wantsPeriods) {
    if (options.period !== undefined) {
      return {
        en: '--period selects the period for --regions and --by; across periods, name them with --from and --to',
        zh: '--period 用于 --regions 和 --by；跨期对比请用 --from 和 --to 指定期间',
      };
    }
    return { kind: 'periods' };
  }
  if (options.by !== undefined) {
    if (options.by !== 'group') return { en: `--by: unknown column '${options.by}' (only 'group')`, zh: `--by：未知的列 '${options.by}'（仅支持 group）` };
    return { kind: 'groups' };
  }
  const queries = splitRegionList(options.regions ?? '');
  if (queries.length === 0) return { en: '--regions: name at least one region', zh: '--regions：请至少指定一个地区' };
  return { kind: 'regions', queries };
}

/** Pooled across periods unless `--normalise per-period`; per period otherwise unless `--normalise pooled`. */
export function normaliseScopeOf(request: Request, flag: string | undefined): NormaliseScope {
  if (flag === 'pooled') return 'pooled';
  if (flag === 'per-period') return 'period';
  return request.kind === 'periods' ? 'pooled' : 'period';
}

function periodsOf(dataset: Dataset): string[] {
  return [...new Set(dataset.period)].sort(compareCodeUnits);
}

/** The data set to score for the request, and the analysis to run on its score table. */
interface Plan {
  readonly dataset?: Dataset;
  readonly analyse?: (table: ScoreTable) => Analysis<Comparison>;
  readonly diagnostics: readonly Diagnostic[];
}

function plan(request: Request, current: Dataset, baseline: Dataset | undefined, options: CompareOptions, scope: NormaliseScope): Plan {
  switch (request.kind) {
    case 'regions': {
      const found = lookupRegions(current, request.queries);
      const choice = choosePeriod(periodsOf(current), options.period);
      const diagnostics = [...found.diagnostics, ...choice.diagnostics];
      const period = choice.period;
      if (diagnostics.length > 0 || period === undefined) return { diagnostics };
      return {
        dataset: current,
        analyse: (table) => compareRegions(table, found.regions, period, { normaliseScope: scope, top: options.top }),
        diagnostics,
      };
    }
    case 'groups': {
      const choice = choosePeriod(periodsOf(current), options.period);
      const period = choice.period;
      if (period === undefined) return { diagnostics: choice.diagnostics };
      return { dataset: current, analyse: (table) => compareGroups(table, period, { normaliseScope: scope }), diagnostics: [] };
    }
    case 'periods': {
      if (baseline) {
        const earlier = choosePeriod(periodsOf(baseline), options.from, '--from');
        const later = choosePeriod(periodsOf(current), options.to, '--to');
        const diagnostics = [...earlier.diagnostics, ...later.diagnostics];
        if (earlier.period === undefined || later.period === undefined) return { diagnostics };
        const labels = baselineLabels(earlier.period, later.period);
        const dataset = stackBaseline(datasetOfPeriods(baseline, [earlier.period]), datasetOfPeriods(current, [later.period]), labels);
        return { dataset, analyse: (table) => comparePeriods(table, labels.from, labels.to, { normaliseScope: scope }), diagnostics };
      }
      const pair = choosePeriodPair(periodsOf(current), options.from, options.to);
      const { from, to } = pair;
      if (from === undefined || to === undefined) return { diagnostics: pair.diagnostics };
      // Only the two periods: pooled normalisation must not take its statistics from a third.
      return {
        dataset: datasetOfPeriods(current, [from, to]),
        analyse: (table) => comparePeriods(table, from, to, { normaliseScope: scope }),
        diagnostics: [],
      };
    }
  }
}

function usage(io: Io, lang: Lang, problem: UsageProblem): number {
  io.stderr(`dgmi compare: ${lang === 'zh' ? problem.zh : problem.en}\n`);
  return EXIT.usage;
}

/**
 * Runs `dgmi compare`: exit 0 when the comparison was made, 1 when data errors left a region
 * unscored (or a diagnostic reaches `--fail-on`), 2 for usage errors (no or several
 * comparisons asked for, an unknown region or period, no group column) and unreadable input.
 */
export async function runCompare(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: CompareOptions): Promise<number> {
  const p = presentation(io, options);
  const request = requestOf(options);
  if (!('kind' in request)) return usage(io, p.lang, request);
  const scope = normaliseScopeOf(request, options.normalise);
  const baselinePaths = options.baseline ?? [];
  const inputs = [frameworkPath, ...dataPaths, ...baselinePaths];
  const report = (diagnostics: readonly Diagnostic[]) => reportDiagnostics(io, version, p, sortDiagnostics(diagnostics), inputs);

  const loadOptions = readingOptionsOf(options);
  const current = await loadInputs(frameworkPath, dataPaths, { ...loadOptions, checkRequiredRegions: true });
  const { framework } = current;
  if (!framework) {
    report(current.diagnostics);
    return EXIT.usage;
  }
  const baseline = baselinePaths.length > 0 ? await loadSubmissions(framework, baselinePaths, { ...loadOptions, regions: current.regions ?? null }) : undefined;
  const early = [
    ...current.diagnostics,
    ...(baseline?.diagnostics ?? []),
    ...(baseline ? missingRequiredRegionsOf(frameworkPath, { regions: current.regions, dataset: baseline.dataset }) : []),
  ];
  if (!current.dataset || (baseline !== undefined && !baseline.dataset)) {
    report(early);
    return hasUnreadableInput(early) ? EXIT.usage : EXIT.findings;
  }

  const planned = plan(request, current.dataset, baseline?.dataset, options, scope);
  if (!planned.dataset || !planned.analyse) {
    report([...early, ...planned.diagnostics]);
    return EXIT.usage;
  }
  const table = scoreAndTier(framework, planned.dataset, { normaliseScope: scope });
  const analysis = planned.analyse(table);
  const diagnostics = [...early, ...table.diagnostics, ...planned.diagnostics, ...analysis.diagnostics];
  report(diagnostics);
  if (!analysis.result) return EXIT.usage;

  const text = COMPARE_FORMATS[options.format](analysis.result, formatterOptions(p, options, version, sortDiagnostics(diagnostics)));
  const written = await emit(io, text, options.output, inputs, p.lang);
  if (written !== EXIT.ok) return written;
  if (hasUnreadableInput(early)) return EXIT.usage;
  return exitForScores(table, diagnostics, options.failOn);
}
