/**
 * Puts every scored row into a tier, period by period, once the engine has scored and ranked
 * them ({@link tierTable} composes the two). Under `rules` a row takes the first
 * level (best first) whose rule holds; under `natural-breaks` the period's composite scores are
 * split into Jenks classes, the highest class taking levels[0]. Unscored rows, and every row
 * when the framework has no tiers, get -1.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ResolvedTiers } from '../model/resolved.js';
import type { ScoreTable } from '../model/score-table.js';
import { frameworkLocation } from '../score/locations.js';
import { compareCodeUnits, partitionRows } from '../score/partition.js';
import { naturalBreakClasses } from './natural-breaks.js';
import { firstMatchingLevel } from './rules.js';

export type TierInputs = Omit<ScoreTable, 'tier' | 'order' | 'diagnostics'>;

export interface TierAssignment {
  /** Index into `framework.tiers.levels` per row; -1 when untiered. */
  readonly tier: Int32Array;
  readonly diagnostics: Diagnostic[];
}

/** How many unmatched regions a `tier-unmatched` diagnostic names before it stops listing. */
const UNMATCHED_EXAMPLES = 5;

/** Scored rows (composite score not NaN) of every period that has some, periods in sorted order. */
function scoredRowsByPeriod(input: TierInputs): [string, number[]][] {
  const score = input.composite.score;
  const periods = partitionRows(input.dataset.period);
  const scoredByPeriod: [string, number[]][] = [];
  periods.rows.forEach((rows, p) => {
    // In the engine's canonical order (region by code unit, then row): the natural-break sums and
    // the regions a diagnostic names then do not depend on how the rows were submitted.
    const region = input.dataset.region;
    const scored = Array.from(rows)
      .filter((row) => !Number.isNaN(score[row] ?? Number.NaN))
      .sort((a, b) => compareCodeUnits(region[a] ?? '', region[b] ?? '') || a - b);
    if (scored.length > 0) scoredByPeriod.push([periods.labels[p] ?? '', scored]);
  });
  return scoredByPeriod;
}

function assignByRules(input: TierInputs, tiers: ResolvedTiers, tier: Int32Array): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [period, rows] of scoredRowsByPeriod(input)) {
    const unmatched: number[] = [];
    for (const row of rows) {
      const level = firstMatchingLevel(tiers.levels, input, row);
      tier[row] = level;
      if (level < 0) unmatched.push(row);
    }
    if (unmatched.length > 0) {
      const regions = unmatched.slice(0, UNMATCHED_EXAMPLES).map((row) => input.dataset.region[row] ?? '');
      const more = unmatched.length > UNMATCHED_EXAMPLES ? ', …' : '';
      diagnostics.push(
        makeDiagnostic('tier-unmatched', { period, count: unmatched.length, regions: regions.join(', ') + more }, frameworkLocation(input.framework, ['tiers', 'levels'])),
      );
    }
  }
  return diagnostics;
}

function assignByNaturalBreaks(input: TierInputs, tiers: ResolvedTiers, tier: Int32Array): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const levels = tiers.levels.length;
  const score = input.composite.score;
  for (const [period, rows] of scoredRowsByPeriod(input)) {
    const classes = naturalBreakClasses(
      rows.map((row) => score[row] ?? Number.NaN),
      levels,
    );
    rows.forEach((row, i) => {
      tier[row] = classes.classOf[i] ?? -1;
    });
    if (classes.count < levels) {
      diagnostics.push(
        makeDiagnostic('tier-classes-fewer-than-levels', { period, distinct: classes.distinct, levels }, frameworkLocation(input.framework, ['tiers', 'levels'])),
      );
    }
  }
  return diagnostics;
}

/**
 * Tier every scored row of `input` (see the module comment for the semantics). Diagnostics are
 * warnings about the data only — rows that match no level, periods with fewer distinct scores
 * than natural-break classes — in period order. The shape of the tier set (a level without a
 * rule, a rule naming an unknown dimension) is the validator's to report; here such a level
 * simply never holds and such a test fails.
 */
export function assignTiers(input: TierInputs): TierAssignment {
  const tier = new Int32Array(input.dataset.rowCount).fill(-1);
  const tiers = input.framework.tiers;
  if (!tiers || tiers.levels.length === 0) return { tier, diagnostics: [] };
  const diagnostics = tiers.method === 'natural-breaks' ? assignByNaturalBreaks(input, tiers, tier) : assignByRules(input, tiers, tier);
  return { tier, diagnostics };
}
