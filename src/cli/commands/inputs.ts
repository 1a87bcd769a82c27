/**
 * The inputs of every command that scores — framework, submissions, the region list's required
 * regions — loaded, checked and scored, and the exit status that scores imply. Its own module,
 * not part of `score.ts`, so that `audit`, `weights`, `compare`, `explain`, `sensitivity` and
 * `report` load no other command's module (issue 15; test/cli/startup-modules.test.ts).
 */
import { atOrAbove, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { loadFramework } from '../../load/framework.js';
import { prestartForFiles } from '../../load/parallel-read.js';
import { loadSubmissions } from '../../load/submissions.js';
import type { Dataset } from '../../model/dataset.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { RegionReference } from '../../regions/region-reference.js';
import { missingRequiredRegions } from '../../regions/required-regions.js';
import { scoreAndTier } from '../../tier/tier-table.js';
import { locateFrameworkFindings } from '../../validate/locate-findings.js';
import type { FrameworkValidation } from '../../validate/validate-framework.js';
import { EXIT } from '../io.js';
import { hasUnreadableInput, type ReadingOptions } from './shared.js';

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
  // A large CSV file's reader threads boot while the framework is parsed (issue 14).
  prestartForFiles(dataPaths, options.threads);
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
