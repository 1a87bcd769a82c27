/**
 * What replications leave behind: per row a histogram of its ranks (exact percentiles without
 * keeping every rank), per row a count of each tier, and per replication the output the Sobol
 * indices are taken of — the mean absolute rank shift against the nominal ranks. Counters are
 * added with `Atomics.add`, so threads can share one set (SharedArrayBuffer) and the sums do not
 * depend on which thread added what; the same code runs on ordinary buffers in one thread.
 */
import { designRow } from './design.js';
import { createWorkspace, evaluateScenario, scenarioOf, type SensitivityModel, type Workspace } from './core.js';
import type { SensitivityMethod } from './spec.js';

export interface Accumulators {
  /** rankCounts[row × (maxRank + 1) + rank]; rank 0 counts replications that left the row unscored. */
  readonly rankCounts: Int32Array;
  /** tierCounts[row × (tierCount + 1) + tier]; the last slot counts untiered replications. */
  readonly tierCounts: Int32Array;
  /** Mean absolute rank shift of every replication. */
  readonly shift: Float64Array;
}

/** Counter cells needed; more than this is refused before allocating (512 MiB of counters). */
export const MAX_COUNTER_CELLS = 2 ** 27;

export function counterCells(model: SensitivityModel): number {
  return model.dataset.rowCount * (model.maxRank + 1);
}

/** Zeroed accumulators; in shared memory when threads will add to them. */
export function createAccumulators(model: SensitivityModel, evaluations: number, shared: boolean): Accumulators {
  const rows = model.dataset.rowCount;
  const buffer = (bytes: number): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    rankCounts: new Int32Array(buffer(4 * counterCells(model))),
    tierCounts: new Int32Array(buffer(4 * rows * (model.tierCount + 1))),
    shift: new Float64Array(buffer(8 * evaluations)),
  };
}

/** One workspace per model (and so per thread), reused by every batch. */
const workspaces = new WeakMap<SensitivityModel, Workspace>();

export interface RunSettings {
  readonly method: SensitivityMethod;
  readonly seed: number;
  /** Nominal rank per canonical row (NaN when unscored). */
  readonly nominalRank: Float64Array;
}

/** Runs replications [start, end) of the design and adds them to `acc`. */
export function runReplications(model: SensitivityModel, settings: RunSettings, acc: Accumulators, start: number, end: number): void {
  let ws = workspaces.get(model);
  if (!ws) {
    ws = createWorkspace(model);
    workspaces.set(model, ws);
  }
  // Atomics only where threads share the counters: on a private buffer a plain increment does.
  const isShared = acc.rankCounts.buffer instanceof SharedArrayBuffer;
  const rows = model.dataset.rowCount;
  const rankStride = model.maxRank + 1;
  const tierStride = model.tierCount + 1;
  const nominal = settings.nominalRank;
  for (let e = start; e < end; e++) {
    designRow(settings.method, settings.seed, model.layout, e, ws.input, ws.scratch);
    evaluateScenario(model, scenarioOf(model, ws), ws);
    let shiftSum = 0;
    let compared = 0;
    for (let row = 0; row < rows; row++) {
      const rank = ws.rank[row]!;
      const isScored = rank === rank;
      const cell = row * rankStride + (isScored ? rank : 0);
      if (isShared) Atomics.add(acc.rankCounts, cell, 1);
      else acc.rankCounts[cell]!++;
      if (isScored && nominal[row] === nominal[row]) {
        shiftSum += Math.abs(rank - nominal[row]!);
        compared++;
      }
    }
    if (model.tierCount > 0) {
      for (let row = 0; row < rows; row++) {
        const tier = ws.tier[row]!;
        const cell = row * tierStride + (tier >= 0 ? tier : model.tierCount);
        if (isShared) Atomics.add(acc.tierCounts, cell, 1);
        else acc.tierCounts[cell]!++;
      }
    }
    acc.shift[e] = compared > 0 ? shiftSum / compared : NaN;
  }
}
