/**
 * Reading the file of `dgmi report --sensitivity FILE.json`: the `dgmi-sensitivity-result/1`
 * document `dgmi sensitivity --format json` writes (src/report/sensitivity/json.ts). Bounded in
 * size, parsed, its shape checked with zod — a wrong field is reported at its line and column —
 * and then checked against what is being reported: the same framework (id and version) and
 * results for the reported period. A file for something else would draw confident error bars
 * for the wrong thing, so each of these is an error.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { SENSITIVITY_RESULT_FORMAT } from '../analyse/sensitivity/result.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { decodeFailureDiagnostic, decodeText } from './decode.js';
import { readInputFile } from './file.js';
import { errorPosition, lineColumnAt, oneLine } from './map-boundaries.js';

/** A 2,850-region result is about 2 MB; a township-level one some tens. */
export const DEFAULT_SENSITIVITY_MAX_BYTES = 256 * 1024 * 1024;

/** A number the writer may have nulled (NaN: no value). */
const maybeNumber = z.number().nullable();

const regionResultSchema = z.object({
  region: z.string().min(1),
  name: z.string().nullable(),
  group: z.string().nullable(),
  period: z.string().nullable(),
  score: maybeNumber,
  rank: maybeNumber,
  tier: z.string().nullable(),
  mean_rank: maybeNumber,
  median_rank: maybeNumber,
  p5_rank: maybeNumber,
  p95_rank: maybeNumber,
  scored_share: maybeNumber,
  tier_probability: z.record(z.string(), maybeNumber),
});

/** Only the fields the report reads; others (assumptions, diagnostics, …) are not checked. */
export const sensitivityDocumentSchema = z.object({
  format: z.literal(SENSITIVITY_RESULT_FORMAT),
  framework: z.object({ id: z.string(), version: z.string().nullable(), sha256: z.string().nullable() }),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  method: z.string(),
  runs: z.number().int().nonnegative(),
  replications: z.number().int().nonnegative(),
  seed: z.number(),
  tiers: z.array(z.string()),
  results: z.array(regionResultSchema),
});

export type SensitivityDocument = z.infer<typeof sensitivityDocumentSchema>;
export type SensitivityRegionResult = z.infer<typeof regionResultSchema>;

/** The sensitivity file as the report uses it: its path (shown) and its document. */
export interface ReportSensitivity {
  readonly path: string;
  readonly document: SensitivityDocument;
}

/** What the file must match: the framework being reported and the reported period. */
export interface SensitivityExpectation {
  readonly frameworkId: string;
  readonly frameworkVersion?: string | undefined;
  readonly period: string;
  /** The framework file's sha256: a file with the same id and version but another sha256 draws a warning. */
  readonly frameworkSha256?: string | undefined;
  /** The sha256 of the report's data files: the file's data files should be among them (warning otherwise). */
  readonly dataSha256?: readonly string[] | undefined;
}

/** With `sensitivity` set, `diagnostics` holds only warnings (the file is usable); without it, the errors. */
export interface LoadedSensitivity {
  readonly sensitivity?: ReportSensitivity;
  readonly diagnostics: readonly Diagnostic[];
}

/** Line and column of the value at `path` in the JSON text (JSON is YAML 1.2 flow syntax, so the YAML parser keeps positions). */
function locate(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  const document = parseDocument(text);
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineColumnAt(text, node.range[0]);
  }
  return { line: 1, column: 1 };
}

/** `results[3].p5_rank`, as a person reads a path. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function frameworkLabel(id: string, version: string | null | undefined): string {
  return version === null || version === undefined ? id : `${id} ${version}`;
}

/** Parses and checks `text`, the content of `path`, against `expected`. */
export function parseSensitivityResult(text: string, path: string, expected: SensitivityExpectation): LoadedSensitivity {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [makeDiagnostic('report-sensitivity-json-invalid', { path, reason: oneLine(message) }, { file: path, ...errorPosition(message, body) })] };
  }
  const parsed = sensitivityDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path ?? [];
    return {
      diagnostics: [makeDiagnostic('report-sensitivity-shape', { path, at: pathText(at), reason: oneLine(issue?.message ?? 'invalid') }, { file: path, ...locate(body, at) })],
    };
  }
  const document = parsed.data;
  const { id, version } = document.framework;
  const versionDiffers = expected.frameworkVersion !== undefined && version !== null && version !== expected.frameworkVersion;
  if (id !== expected.frameworkId || versionDiffers) {
    return {
      diagnostics: [
        makeDiagnostic(
          'report-sensitivity-other-framework',
          { path, found: frameworkLabel(id, version), expected: frameworkLabel(expected.frameworkId, expected.frameworkVersion) },
          { file: path, ...locate(body, ['framework', id !== expected.frameworkId ? 'id' : 'version']) },
        ),
      ],
    };
  }
  if (!document.results.some((r) => (r.period ?? '') === expected.period)) {
    const periods = [...new Set(document.results.map((r) => r.period ?? ''))].sort();
    const found = periods.map((p) => (p === '' ? '(none)' : p)).join(', ') || '(no results)';
    const first = document.results.findIndex((r) => (r.period ?? '') !== expected.period);
    return {
      diagnostics: [
        makeDiagnostic('report-sensitivity-other-period', { path, period: expected.period, found }, { file: path, ...locate(body, first < 0 ? ['results'] : ['results', first, 'period']) }),
      ],
    };
  }
  return { sensitivity: { path, document }, diagnostics: provenanceWarnings(document, body, path, expected) };
}

/** Same framework id and version but not the same files: usable, but said, since the intervals may describe other scores. */
function provenanceWarnings(document: SensitivityDocument, body: string, path: string, expected: SensitivityExpectation): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const found = document.framework.sha256;
  if (found !== null && expected.frameworkSha256 !== undefined && found !== expected.frameworkSha256) {
    warnings.push(
      makeDiagnostic(
        'report-sensitivity-framework-changed',
        { path, found: found.slice(0, 12), expected: expected.frameworkSha256.slice(0, 12) },
        { file: path, ...locate(body, ['framework', 'sha256']) },
      ),
    );
  }
  if (expected.dataSha256 !== undefined) {
    const ours = new Set(expected.dataSha256);
    const foreign = document.inputs.map((input, index) => ({ input, index })).filter(({ input }) => !ours.has(input.sha256));
    const first = foreign[0];
    if (first) {
      warnings.push(
        makeDiagnostic('report-sensitivity-data-changed', { path, count: foreign.length, file: first.input.path }, { file: path, ...locate(body, ['inputs', first.index, 'sha256']) }),
      );
    }
  }
  return warnings;
}

export async function loadSensitivityResult(path: string, expected: SensitivityExpectation, maxBytes = DEFAULT_SENSITIVITY_MAX_BYTES): Promise<LoadedSensitivity> {
  const read = await readInputFile(path, maxBytes);
  if (!read.file) return { diagnostics: read.diagnostics };
  const decoded = decodeText(read.file.bytes);
  if (!('text' in decoded)) return { diagnostics: [decodeFailureDiagnostic(decoded, path)] };
  return parseSensitivityResult(decoded.text, path, expected);
}
