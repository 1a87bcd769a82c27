/**
 * Score → tier, the two stages composed. The engine (src/score) scores and ranks and knows
 * nothing of tiers; the CLI and the library API call {@link scoreAndTier}, or {@link tierTable}
 * on a table they scored themselves.
 */
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import type { ScoreTable } from '../model/score-table.js';
import { score, sortScoreDiagnostics, type ScoreOptions } from '../score/engine.js';
import { assignTiers } from './assign.js';

/**
 * `table` with every scored row in a tier, and the tier warnings among its diagnostics in the
 * engine's order (file, line, column, code, message).
 */
export function tierTable(table: ScoreTable): ScoreTable {
  const tiering = assignTiers(table);
  // The sort is stable and the engine's list already sorted, so the tier warnings land where
  // they would had the engine sorted them together with its own.
  const diagnostics = tiering.diagnostics.length === 0 ? table.diagnostics : sortScoreDiagnostics([...table.diagnostics, ...tiering.diagnostics]);
  return { ...table, tier: tiering.tier, diagnostics };
}

/** Scores, ranks and tiers every row of `dataset` under `framework`: {@link score}, then {@link tierTable}. */
export function scoreAndTier(framework: ResolvedFramework, dataset: Dataset, options: ScoreOptions = {}): ScoreTable {
  return tierTable(score(framework, dataset, options));
}
