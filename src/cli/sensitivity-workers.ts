/**
 * `dgmi sensitivity` replications spread over worker threads (piscina). Every replication draws
 * from its own seeded stream and adds integer counts with `Atomics.add` to accumulators in
 * shared memory, and writes its own slot of the rank-shift array, so the result is the same
 * bytes whatever the thread count or the order batches finish in. Each thread prepares its own
 * copy of the model once (the prepared columns are cheap next to the replications).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { createAccumulators, runReplications, type Accumulators, type RunSettings } from '../analyse/sensitivity/accumulate.js';
import { batchesOf, type SensitivityPlan } from '../analyse/sensitivity/sensitivity.js';
import type { SensitivitySpec } from '../analyse/sensitivity/spec.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';

export interface SensitivityWorkerData {
  readonly framework: ResolvedFramework;
  readonly dataset: Dataset;
  readonly spec: SensitivitySpec;
  readonly settings: RunSettings;
  readonly acc: Accumulators;
}

export interface ReplicationBatch {
  readonly start: number;
  readonly end: number;
}

/**
 * The compiled worker; run from the TypeScript sources (vitest, tsx) there is none, and the
 * replications run in this thread — the same bytes. In the bundled CLI it is an entry point in
 * the folder of the chunk holding this code (docs/bundle.md).
 */
const SENSITIVITY_WORKER = new URL('./sensitivity-worker.js', import.meta.url);

/**
 * Below this many cell-replications (rows × indicators × replications) threads cost more than
 * they save: starting a thread loads the modules and prepares its own model. Measured
 * (bench/results.md, 2026-12-07): ASEM's 1,000 replications (2.5 million) cost 0.17 s of CPU in
 * one thread and 0.72 s on two; the county run (2.85 billion) is what threads are for.
 */
const PARALLEL_MIN_WORK = 50_000_000;

export function sensitivityThreads(plan: SensitivityPlan, requested: number | undefined): number {
  const work = plan.replications * plan.model.dataset.rowCount * Math.max(1, plan.model.framework.indicators.length);
  const cores = availableParallelism();
  const wanted = requested ?? (work >= PARALLEL_MIN_WORK && cores > 1 ? Math.min(cores, 4) : 1);
  return Math.max(1, Math.min(wanted, plan.replications));
}

/** Runs every replication of `plan` on `threads` threads (1: this thread), reporting progress after each batch. */
export async function runSensitivityReplications(
  plan: SensitivityPlan,
  framework: ResolvedFramework,
  dataset: Dataset,
  spec: SensitivitySpec,
  threads: number,
  onProgress: (done: number) => void,
): Promise<Accumulators> {
  const parallel = threads > 1 && existsSync(SENSITIVITY_WORKER);
  const acc = createAccumulators(plan.model, plan.replications, parallel);
  // Enough batches for a smooth bar and balanced threads, few enough to cost nothing.
  const batches = batchesOf(plan.replications, parallel ? threads * 50 : 100);
  let done = 0;
  if (!parallel) {
    for (const batch of batches) {
      runReplications(plan.model, plan.settings, acc, batch.start, batch.end);
      done += batch.end - batch.start;
      onProgress(done);
      // Lets the progress bar's timer draw between batches.
      await yieldToEventLoop();
    }
    return acc;
  }
  const pool = new Piscina<ReplicationBatch, void>({
    filename: SENSITIVITY_WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    workerData: { framework, dataset, spec, settings: plan.settings, acc } satisfies SensitivityWorkerData,
  });
  try {
    await Promise.all(
      batches.map(async (batch) => {
        await pool.run(batch);
        done += batch.end - batch.start;
        onProgress(done);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return acc;
}
