/**
 * The choices of the command line's options as plain lists, so that building the program (and
 * so `--version` and `--help`) loads no formatter, reader or worker pool: each command loads
 * those itself when it runs (see `program.ts` and docs/architecture.md, "Start-up").
 *
 * A list of format names stands for the keys of its registry, which cannot be read without
 * loading every formatter. `registryKeys` makes the compiler hold them together: a name that is
 * not a key, or a key left out, is a type error that names it; the order (the `--help` order)
 * is checked against the registry by test/unit/cli-choices.test.ts.
 */
import type { COMPARE_FORMATS } from '../report/compare/index.js';
import type { DIAGNOSTIC_FORMATS } from '../report/diagnostics/index.js';
import type { EXPLAIN_FORMATS } from '../report/explain/index.js';
import type { BINARY_RESULT_FORMATS, RESULT_FORMATS } from '../report/results/index.js';
import type { AUDIT_FORMATS } from '../report/audit/index.js';
import type { SENSITIVITY_FORMATS } from '../report/sensitivity/index.js';
import type { WEIGHTS_FORMATS } from '../report/weights/index.js';

/** `list` itself, typed so that it must name every key of `Registry` and nothing else. */
function registryKeys<Registry>() {
  return <const List extends readonly (keyof Registry & string)[]>(
    list: List & ([Exclude<keyof Registry, List[number]>] extends [never] ? unknown : { readonly missingKeys: Exclude<keyof Registry, List[number]> }),
  ): List => list;
}

export const DIAGNOSTIC_FORMAT_CHOICES = registryKeys<typeof DIAGNOSTIC_FORMATS>()(['stylish', 'json', 'github', 'sarif', 'junit']);
export const RESULT_FORMAT_CHOICES = registryKeys<typeof RESULT_FORMATS>()(['table', 'json', 'csv', 'markdown', 'ndjson', 'html']);
export const BINARY_RESULT_FORMAT_CHOICES = registryKeys<typeof BINARY_RESULT_FORMATS>()(['parquet', 'xlsx']);
export const AUDIT_FORMAT_CHOICES = registryKeys<typeof AUDIT_FORMATS>()(['table', 'json', 'csv', 'markdown']);
export const WEIGHTS_FORMAT_CHOICES = registryKeys<typeof WEIGHTS_FORMATS>()(['table', 'json', 'csv', 'markdown']);
export const SENSITIVITY_FORMAT_CHOICES = registryKeys<typeof SENSITIVITY_FORMATS>()(['table', 'json', 'csv', 'markdown']);
export const COMPARE_FORMAT_CHOICES = registryKeys<typeof COMPARE_FORMATS>()(['table', 'json', 'csv', 'markdown']);
export const EXPLAIN_FORMAT_CHOICES = registryKeys<typeof EXPLAIN_FORMATS>()(['table', 'json', 'csv', 'markdown']);

/** `dgmi validate --data … --summary`: findings per region, or none. */
export const VALIDATE_SUMMARIES = ['regions', 'none'] as const;
export type ValidateSummary = (typeof VALIDATE_SUMMARIES)[number];

export { ENCODINGS } from '../load/encodings.js';
export { RESULT_DETAILS } from '../report/results/detail.js';
export { SENSITIVITY_METHODS } from '../analyse/sensitivity/methods.js';
