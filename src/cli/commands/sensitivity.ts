/**
 * `dgmi sensitivity FRAMEWORK DATA... --spec uncertainty.yaml`: load → check the spec → nominal
 * scores → replications (threads, progress bar) → statistics → format. Every bad input (the
 * spec, `--runs`, `--seed`) is a located diagnostic and exit 2; stdout carries only the result.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import { loadSensitivitySpec } from '../../load/sensitivity-spec.js';
import { counterCells, MAX_COUNTER_CELLS } from '../../analyse/sensitivity/accumulate.js';
import { finishSensitivity } from '../../analyse/sensitivity/result.js';
import { planSensitivity } from '../../analyse/sensitivity/sensitivity.js';
import type { SensitivityMethod } from '../../analyse/sensitivity/spec.js';
import { SENSITIVITY_FORMATS, type SensitivityFormat } from '../../report/sensitivity/index.js';
import { EXIT, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { runSensitivityReplications, sensitivityThreads } from '../sensitivity-workers.js';
import { exitForScores, loadInputs } from './inputs.js';
import { formatterOptions, emit, presentation, reportDiagnostics, type ReadingOptions, type WritingOptions } from './shared.js';

export interface SensitivityCliOptions extends ReadingOptions, WritingOptions {
  readonly spec: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly method?: SensitivityMethod;
  readonly format: SensitivityFormat;
  readonly color: boolean;
}

/** A whole number in [min, max] from an option's text, or a diagnostic located at the option. */
function wholeNumberOption(option: string, text: string | undefined, min: number, max: number, example: string): { value?: number; diagnostic?: Diagnostic } {
  if (text === undefined) return {};
  const value = Number(text);
  if (text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max) return { value };
  const expected = `a whole number from ${min} to ${max}`;
  return { diagnostic: makeDiagnostic('sensitivity-option-invalid', { option, found: text, expected, expectedZh: ` ${min} 到 ${max} 之间的整数`, example }, { file: option }) };
}

export async function runSensitivity(io: Io, version: string, frameworkPath: string, dataPaths: readonly string[], options: SensitivityCliOptions): Promise<number> {
  const p = presentation(io, options);
  const files = [frameworkPath, ...dataPaths, options.spec];
  const runs = wholeNumberOption('--runs', options.runs, 1, 10_000_000, '1000');
  const seed = wholeNumberOption('--seed', options.seed, 0, 0xffffffff, '42');
  const optionErrors = [runs.diagnostic, seed.diagnostic].filter((d): d is Diagnostic => d !== undefined);

  const inputs = await loadInputs(frameworkPath, dataPaths, options);
  if (!inputs.framework || !inputs.dataset) {
    reportDiagnostics(io, version, p, [...optionErrors, ...inputs.diagnostics], files);
    return inputs.status ?? EXIT.usage;
  }
  const checked = await loadSensitivitySpec(options.spec, inputs.framework, { runs: runs.value, seed: seed.value, method: options.method });
  const refusals = [...optionErrors, ...checked.diagnostics];
  if (!checked.spec || hasErrors(refusals) || inputs.status !== undefined) {
    reportDiagnostics(io, version, p, sortDiagnostics([...inputs.diagnostics, ...refusals]), files);
    return EXIT.usage;
  }
  const { framework, dataset } = inputs;
  const spec = checked.spec;
  const plan = planSensitivity(framework, dataset, spec);
  if (counterCells(plan.model) > MAX_COUNTER_CELLS) {
    const megabytes = Math.ceil((4 * counterCells(plan.model)) / 2 ** 20);
    const tooLarge = makeDiagnostic('sensitivity-too-large', { rows: plan.model.dataset.rowCount, ranks: plan.model.maxRank, megabytes }, { file: dataPaths[0] ?? '' });
    reportDiagnostics(io, version, p, [tooLarge], files);
    return EXIT.usage;
  }
  const diagnostics = [...inputs.diagnostics, ...checked.diagnostics, ...plan.table.diagnostics];
  reportDiagnostics(io, version, p, diagnostics, files);

  const progress = createProgress(io, plan.replications, p.lang === 'zh' ? '敏感性分析' : 'sensitivity');
  const threads = sensitivityThreads(plan, options.threads);
  let acc;
  try {
    acc = await runSensitivityReplications(plan, framework, dataset, spec, threads, progress.update);
  } finally {
    progress.stop();
  }
  const result = { ...finishSensitivity(plan.table, plan.model, spec, acc, plan.replications), diagnostics };
  const text = SENSITIVITY_FORMATS[options.format](result, formatterOptions(p, options, version, diagnostics));
  const written = await emit(io, text, options.output, files, p.lang);
  if (written !== EXIT.ok) return written;
  return exitForScores(plan.table, diagnostics, undefined);
}
