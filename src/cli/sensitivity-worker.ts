/**
 * A worker thread of {@link runSensitivityReplications}: prepares the model once from the
 * framework and dataset it was given, then runs batches of replications into the shared
 * accumulators.
 */
import { workerData } from 'piscina';
import { runReplications } from '../analyse/sensitivity/accumulate.js';
import { prepareModel } from '../analyse/sensitivity/core.js';
import type { ReplicationBatch, SensitivityWorkerData } from './sensitivity-workers.js';

const { framework, dataset, spec, settings, acc } = workerData as SensitivityWorkerData;
const model = prepareModel(framework, dataset, spec.assumptions);

export default function runBatch(batch: ReplicationBatch): void {
  runReplications(model, settings, acc, batch.start, batch.end);
}
