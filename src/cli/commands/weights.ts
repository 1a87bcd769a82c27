/**
 * `dgmi weights FRAMEWORK DATA...`: scores the data and prints the weights every group's
 * children were aggregated with — fixed, AHP (with λmax, CI, CR) or derived from the data per
 * period — so data-driven weights can be audited and reproduced.
 */
import { atOrAbove, hasErrors, type Severity } from '../../diagnostics/diagnostic.js';
import { WEIGHTS_FORMATS, type WeightsFormat } from '../../report/weights/index.js';
import { EXIT, type Io } from '../io.js';
import { loadAndScore } from './inputs.js';
import { formatterOptions, emit, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface WeightsCommandOptions extends ReadingOptions, WritingOptions {
  readonly format: WeightsFormat;
  readonly failOn?: Severity;
  readonly color: boolean;
}

/**
 * load → score → format the weights → write. Exit 0, 1 when the run had errors (or a finding
 * reaches --fail-on), 2 for unreadable input or an invalid framework.
 */
export async function runWeights(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: WeightsCommandOptions): Promise<number> {
  const p = presentation(io, options);
  const inputs = [frameworkPath, ...dataPaths];
  const run = await loadAndScore(frameworkPath, dataPaths, options);
  reportDiagnostics(io, version, p, run.diagnostics, inputs);
  if (!run.table) return run.status ?? EXIT.usage;
  const text = WEIGHTS_FORMATS[options.format](
    { framework: run.table.framework, weights: run.table.weights ?? [] },
    formatterOptions(p, options, version, run.diagnostics),
  );
  const written = await emit(io, text, options.output, inputs, p.lang);
  if (written !== EXIT.ok) return written;
  if (run.status !== undefined) return run.status;
  if (hasErrors(run.diagnostics)) return EXIT.findings;
  if (options.failOn !== undefined && atOrAbove(run.diagnostics, options.failOn).length > 0) return EXIT.findings;
  return EXIT.ok;
}
