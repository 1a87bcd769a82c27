/**
 * `sensitivity(framework, dataset, spec)`: the library entry of the uncertainty and sensitivity
 * analysis, in this thread. The CLI runs the same three steps with the replications spread over
 * worker threads (src/cli/sensitivity-workers.ts); the results are the same bytes.
 */
import type { Dataset } from '../../model/dataset.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import { scoreAndTier as score } from '../../tier/tier-table.js';
import { createAccumulators, runReplications, type Accumulators, type RunSettings } from './accumulate.js';
import { prepareModel, type SensitivityModel } from './core.js';
import { evaluationCount } from './design.js';
import { finishSensitivity, type SensitivityResult } from './result.js';
import type { SensitivitySpec } from './spec.js';

export interface SensitivityPlan {
  /** The nominal run: `score()` of the framework as written. */
  readonly table: ScoreTable;
  readonly model: SensitivityModel;
  readonly settings: RunSettings;
  readonly replications: number;
}

export interface SensitivityOptions {
  /** Called after each batch of replications with (done, total). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The nominal scores and the prepared model. */
export function planSensitivity(framework: ResolvedFramework, dataset: Dataset, spec: SensitivitySpec): SensitivityPlan {
  const table = score(framework, dataset);
  const model = prepareModel(framework, dataset, spec.assumptions);
  const nominalRank = Float64Array.from(model.sourceRows, (source) => table.composite.rank[source] ?? NaN);
  return { table, model, settings: { method: spec.method, seed: spec.seed, nominalRank }, replications: evaluationCount(spec.method, spec.runs, spec.assumptions.length) };
}

/** Batches of replications small enough for a progress bar, large enough to cost nothing. */
export function batchesOf(replications: number, batches: number): { start: number; end: number }[] {
  const size = Math.max(1, Math.ceil(replications / batches));
  const out: { start: number; end: number }[] = [];
  for (let start = 0; start < replications; start += size) out.push({ start, end: Math.min(replications, start + size) });
  return out;
}

/**
 * Runs `spec` on `framework` and `dataset` in this thread. `spec` is a checked spec
 * (`checkSensitivitySpec`); the nominal run's diagnostics come back in the result.
 */
export function sensitivity(framework: ResolvedFramework, dataset: Dataset, spec: SensitivitySpec, options: SensitivityOptions = {}): SensitivityResult {
  const plan = planSensitivity(framework, dataset, spec);
  const acc: Accumulators = createAccumulators(plan.model, plan.replications, false);
  for (const batch of batchesOf(plan.replications, 100)) {
    runReplications(plan.model, plan.settings, acc, batch.start, batch.end);
    options.onProgress?.(batch.end, plan.replications);
  }
  return finishSensitivity(plan.table, plan.model, spec, acc, plan.replications);
}
