/**
 * Checks an uncertainty file in two stages, like frameworks: the zod shape (each issue mapped to
 * a located diagnostic, with "did you mean" for unknown keys and options), then named checks
 * against the framework it will perturb. Every finding is reported, not the first; the result is
 * a value `{ spec?, diagnostics }`.
 */
import type { z } from 'zod';
import type { Diagnostic, SourceLocation } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import { suggestClosest } from '../../diagnostics/suggest.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { describe, typeOf, valueAt } from '../../validate/schema-diagnostics.js';
import {
  DEFAULT_BOOTSTRAP,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  SENSITIVITY_FORMAT,
  SENSITIVITY_NORMALISE_OPTIONS,
  SensitivitySpecSchema,
  normaliseOptionLabel,
  type Assumption,
  type SensitivityMethod,
  type SensitivitySpec,
  type SensitivitySpecInput,
} from './spec.js';

export interface SpecLocator {
  readonly file: string;
  readonly locate: (path: DocumentPath, target?: 'key' | 'value') => SourceLocation;
}

/** What the command line may set over the file (`--runs`, `--seed`, `--method`). */
export interface SpecOverrides {
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
  readonly method?: SensitivityMethod | undefined;
}

export interface SpecCheck {
  readonly spec?: SensitivitySpec;
  readonly diagnostics: Diagnostic[];
}

/** Keys allowed at each mapping of the file, for unknown-key suggestions. */
const ALLOWED_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(SensitivitySpecSchema.shape),
  assumptions: ['weights', 'normalise', 'aggregate', 'missing', 'winsorise'],
  weights: ['level', 'noise'],
  normalise: ['method', 'range', 'mean', 'sd'],
};

/** Validates `value` (the parsed YAML) against the schema and `framework`. */
export function checkSensitivitySpec(value: unknown, at: SpecLocator, framework: ResolvedFramework, overrides: SpecOverrides = {}): SpecCheck {
  const parsed = SensitivitySpecSchema.safeParse(value);
  if (!parsed.success) return { diagnostics: parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, value, at)) };
  const input = parsed.data;
  const diagnostics = [
    ...winsorisingNeedsTreatment(input, framework, at),
    ...weightLevelsExist(input, framework, at),
    ...optionsAreDistinct(input, at),
    ...normalisationsFitEveryIndicator(input, at),
    ...zscoresAreNotAggregatedByProducts(input, framework, at),
  ];
  const assumptions = assumptionsOf(input);
  if (diagnostics.length === 0 && !assumptions.some(isUncertain)) {
    diagnostics.push(makeDiagnostic('sensitivity-no-assumptions', {}, at.locate(['assumptions'], 'key')));
  }
  if (diagnostics.length > 0) return { diagnostics };
  return {
    spec: {
      method: overrides.method ?? input.method ?? 'uncertainty',
      runs: overrides.runs ?? input.runs ?? DEFAULT_RUNS,
      seed: overrides.seed ?? input.seed ?? DEFAULT_SEED,
      bootstrap: input.bootstrap ?? DEFAULT_BOOTSTRAP,
      assumptions,
    },
    diagnostics: [],
  };
}

function assumptionsOf(input: SensitivitySpecInput): Assumption[] {
  const { weights, normalise, aggregate, missing, winsorise } = input.assumptions;
  const out: Assumption[] = [];
  if (weights) out.push({ kind: 'weights', levels: weights });
  if (normalise) out.push({ kind: 'normalise', options: normalise });
  if (aggregate) out.push({ kind: 'aggregate', options: aggregate });
  if (missing) out.push({ kind: 'missing', options: missing });
  if (winsorise) out.push({ kind: 'winsorise', options: winsorise });
  return out;
}

function isUncertain(assumption: Assumption): boolean {
  return assumption.kind === 'weights' ? assumption.levels.some((l) => l.noise > 0) : assumption.options.length > 1;
}

/** A winsorisation limit changes nothing where nothing is treated: that is a mistake in the spec, not an assumption. */
function winsorisingNeedsTreatment(input: SensitivitySpecInput, framework: ResolvedFramework, at: SpecLocator): Diagnostic[] {
  if (input.assumptions.winsorise === undefined || framework.indicators.some((i) => i.treat !== undefined)) return [];
  return [makeDiagnostic('sensitivity-winsorise-untreated', {}, at.locate(['assumptions', 'winsorise'], 'key'))];
}

function weightLevelsExist(input: SensitivitySpecInput, framework: ResolvedFramework, at: SpecLocator): Diagnostic[] {
  const deepest = Math.max(...framework.groups.map((g) => g.depth));
  const seen = new Set<number | string>();
  return (input.assumptions.weights ?? []).flatMap((entry, i) => {
    const path = ['assumptions', 'weights', i, 'level'];
    if (seen.has(entry.level)) return [makeDiagnostic('sensitivity-option-duplicate', { field: 'weights', option: String(entry.level) }, at.locate(path))];
    seen.add(entry.level);
    if (entry.level !== 'indicators' && entry.level > deepest) {
      return [makeDiagnostic('sensitivity-weights-level-empty', { level: entry.level, deepest }, at.locate(path))];
    }
    return [];
  });
}

function optionsAreDistinct(input: SensitivitySpecInput, at: SpecLocator): Diagnostic[] {
  const lists = [
    ['normalise', input.assumptions.normalise?.map(normaliseOptionLabel)],
    ['aggregate', input.assumptions.aggregate],
    ['missing', input.assumptions.missing],
    ['winsorise', input.assumptions.winsorise?.map(String)],
  ] as const;
  return lists.flatMap(([field, options]) => {
    const seen = new Set<string>();
    return (options ?? []).flatMap((option, i) => {
      if (!seen.has(option)) {
        seen.add(option);
        return [];
      }
      return [makeDiagnostic('sensitivity-option-duplicate', { field, option }, at.locate(['assumptions', field, i]))];
    });
  });
}

/** goalpost and target need constants of their own per indicator, none values already on [0, 1]: no framework-wide switch to them makes sense. */
function normalisationsFitEveryIndicator(input: SensitivitySpecInput, at: SpecLocator): Diagnostic[] {
  return (input.assumptions.normalise ?? []).flatMap((option, i) =>
    option === 'goalpost' || option === 'target' || option === 'none'
      ? [makeDiagnostic('sensitivity-normalise-unusable', { option }, at.locate(['assumptions', 'normalise', i]))]
      : [],
  );
}

function zscoresAreNotAggregatedByProducts(input: SensitivitySpecInput, framework: ResolvedFramework, at: SpecLocator): Diagnostic[] {
  const normalise = input.assumptions.normalise ?? [];
  const rawAt = normalise.indexOf('zscore-raw');
  if (rawAt < 0) return [];
  const frameworkMethods = [framework.aggregate, ...framework.groups.map((g) => g.aggregate)];
  const options = input.assumptions.aggregate ?? ['framework'];
  const methods = new Set(options.flatMap((o) => (o === 'framework' ? frameworkMethods : [o])));
  const product = (['geometric', 'harmonic'] as const).find((m) => methods.has(m));
  return product ? [makeDiagnostic('sensitivity-normalise-negative', { method: product }, at.locate(['assumptions', 'normalise', rawAt]))] : [];
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(issue: Issue, root: unknown, at: SpecLocator): Diagnostic[] {
  const path: DocumentPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const field = fieldName(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = ALLOWED_KEYS[allowedKeyGroup(path)] ?? [];
      return issue.keys.map((key) =>
        makeDiagnostic(
          'schema-unknown-field',
          { field: key, where: describe(path), suggestion: suggestClosest(key, allowed) ?? '', allowed: allowed.join(', ') },
          at.locate([...path, key], 'key'),
        ),
      );
    }
    case 'invalid_type':
      if (value === undefined) return [makeDiagnostic('schema-required', { field, where: describe(path.slice(0, -1)) }, at.locate(path.slice(0, -1)))];
      // zod calls a fraction where a whole number belongs an `int` type error; say it as a person would.
      return [makeDiagnostic('schema-type', { field, expected: issue.expected === 'int' ? 'a whole number' : issue.expected, found: typeOf(value) }, at.locate(path))];
    case 'invalid_value': {
      if (path.length === 1 && path[0] === 'format') {
        return [makeDiagnostic('sensitivity-format-unsupported', { found: String(value), expected: SENSITIVITY_FORMAT }, at.locate(path))];
      }
      const options = issue.values.map(String);
      const suggestion = typeof value === 'string' ? (suggestClosest(value, options) ?? '') : '';
      return [makeDiagnostic('schema-enum', { field, found: String(value), options: options.join(', '), suggestion }, at.locate(path))];
    }
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') return [makeDiagnostic('schema-empty', { field, minimum: 1 }, at.locate(path))];
      return [makeDiagnostic('sensitivity-out-of-range', { field, found: String(value), range: rangeOf(path) }, at.locate(path))];
    case 'invalid_union': {
      if (path.includes('normalise')) return normaliseUnionDiagnostics(issue, path, value, root, at);
      // `level`: a number or `indicators`; name both.
      if (typeof value === 'string') {
        return [makeDiagnostic('schema-enum', { field, found: value, options: '1, 2, …, indicators', suggestion: suggestClosest(value, ['indicators']) ?? '' }, at.locate(path))];
      }
      if (typeof value === 'number') return [makeDiagnostic('sensitivity-out-of-range', { field, found: String(value), range: rangeOf(path) }, at.locate(path))];
      return [makeDiagnostic('schema-type', { field, expected: 'a whole number ≥ 1 or indicators', found: typeOf(value) }, at.locate(path))];
    }
    default:
      return [makeDiagnostic('schema-invalid', { field, detail: issue.message }, at.locate(path))];
  }
}

/** A normalisation option fits no branch: a name that is not one, or an object whose fields are wrong. */
function normaliseUnionDiagnostics(issue: Extract<Issue, { code: 'invalid_union' }>, path: DocumentPath, value: unknown, root: unknown, at: SpecLocator): Diagnostic[] {
  const field = fieldName(path);
  if (typeof value === 'string') {
    const options = [...SENSITIVITY_NORMALISE_OPTIONS];
    return [makeDiagnostic('schema-enum', { field, found: value, options: options.join(', '), suggestion: suggestClosest(value, options) ?? '' }, at.locate(path))];
  }
  const method = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['method'] : undefined;
  // The branch whose `method` matched is the one the author meant; its issues say what is wrong.
  const isOtherBranch = (i: Issue): boolean => (i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')) || (i.path[0] === 'method' && i.code === 'invalid_value');
  const meant = issue.errors.find((branch) => branch.length > 0 && !branch.some(isOtherBranch));
  if (meant) return meant.flatMap((i) => issueDiagnostics({ ...i, path: [...path, ...i.path] } as Issue, root, at));
  return [
    makeDiagnostic(
      'schema-type',
      { field, expected: "a method name, { method: minmax, range: [lo, hi] } or { method: zscore, mean, sd }", found: typeof method === 'string' ? `method ${method}` : typeOf(value) },
      at.locate(path),
    ),
  ];
}

function allowedKeyGroup(path: DocumentPath): string {
  if (path.length === 0) return '';
  if (path.length === 1 && path[0] === 'assumptions') return 'assumptions';
  if (path[1] === 'normalise') return 'normalise';
  return path[1] === 'weights' ? 'weights' : '';
}

/** The accepted range of a numeric field, as a person writes it. */
function rangeOf(path: DocumentPath): string {
  switch (fieldName(path)) {
    case 'noise':
      return '[0, 1)';
    case 'level':
      return '1, 2, … (whole numbers)';
    case 'runs':
      return '1 … 10,000,000 (whole numbers)';
    case 'seed':
      return '0 … 4,294,967,295 (whole numbers)';
    case 'bootstrap':
      return '10 … 100,000 (whole numbers)';
    case 'winsorise':
      return '0 … 1,000 points (whole numbers)';
    default:
      return 'the allowed range';
  }
}

function fieldName(path: DocumentPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string') return p;
  }
  return '(root)';
}
