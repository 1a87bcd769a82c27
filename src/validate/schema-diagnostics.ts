/**
 * Stage one of validation: the zod schema. zod reports issues with paths; we turn each into a
 * located diagnostic with a stable code, a "did you mean" where a typo is likely, and the YAML
 * source text where YAML's typing surprised the author (`id: 1.10` read as the number 1.1).
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import type { DocumentPath } from '../load/yaml.js';
import { FORMAT, FrameworkSchema, type FrameworkInput } from '../model/framework.js';
import type { RuleContext } from './rule-context.js';

type Issue = z.core.$ZodIssue;
type Locator = Pick<RuleContext, 'file' | 'locate'> & { readonly sourceText?: (path: DocumentPath) => string | undefined };

export interface SchemaCheck {
  readonly input?: FrameworkInput;
  readonly diagnostics: Diagnostic[];
}

export function checkFrameworkSchema(value: unknown, at: Locator): SchemaCheck {
  const parsed = FrameworkSchema.safeParse(value);
  if (parsed.success) return { input: parsed.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const issue of parsed.error.issues) diagnostics.push(...issueDiagnostics(issue, [], value, at));
  return { diagnostics: dedupe(diagnostics) };
}

function issueDiagnostics(issue: Issue, prefix: DocumentPath, root: unknown, at: Locator): Diagnostic[] {
  const path: DocumentPath = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const field = fieldName(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(root, path);
      return issue.keys.map((key) =>
        makeDiagnostic(
          'schema-unknown-field',
          { field: key, where: describe(path), suggestion: suggestClosest(key, allowed) ?? '', allowed: allowed.join(', ') },
          at.locate([...path, key], 'key'),
        ),
      );
    }
    case 'invalid_type': {
      if (value === undefined) {
        const parent = path.slice(0, -1);
        return [makeDiagnostic('schema-required', { field, where: describe(parent) }, { ...at.locate(parent, 'value'), path })];
      }
      const found = typeOf(value);
      if (issue.expected === 'string' && (found === 'number' || found === 'boolean')) {
        const written = at.sourceText?.(path) ?? String(value);
        return [makeDiagnostic('schema-not-a-string', { field, written, read: String(value) }, at.locate(path))];
      }
      return [makeDiagnostic('schema-type', { field, expected: issue.expected, found }, at.locate(path))];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (path.length === 1 && path[0] === 'format') {
        return [makeDiagnostic('format-unsupported', { found: String(value), expected: FORMAT }, at.locate(path))];
      }
      return [
        makeDiagnostic(
          'schema-enum',
          { field, found: String(value), options: options.join(', '), suggestion: typeof value === 'string' ? suggestClosest(value, options) ?? '' : '' },
          at.locate(path),
        ),
      ];
    }
    case 'invalid_union':
      return unionDiagnostics(issue, path, root, at);
    case 'too_small':
      if (issue.origin === 'array') return [makeDiagnostic('schema-empty', { field, minimum: Number(issue.minimum) }, at.locate(path))];
      if (issue.origin === 'string') return [makeDiagnostic('schema-empty-text', { field }, at.locate(path))];
      return [makeDiagnostic('schema-invalid', { field, detail: issue.message }, at.locate(path))];
    case 'invalid_format':
      return [makeDiagnostic('schema-id-format', { field, found: String(value) }, at.locate(path))];
    default:
      return [makeDiagnostic('schema-invalid', { field, detail: issue.message }, at.locate(path))];
  }
}

/**
 * A union failed. zod reports every branch's issues; the useful ones are those of the branch the
 * author meant. A branch whose only complaint is about the value's type at the union itself
 * (a string branch given an object) was clearly not meant.
 */
function unionDiagnostics(issue: Extract<Issue, { code: 'invalid_union' }>, path: DocumentPath, root: unknown, at: Locator): Diagnostic[] {
  const field = fieldName(path);
  const value = valueAt(root, path);
  const discriminated = issue as { discriminator?: unknown; options?: unknown[] };
  if (discriminated.discriminator !== undefined && issue.errors.length === 0) {
    const options = discriminated.options?.map(String) ?? [];
    const methodPath = path;
    const found = valueAt(root, methodPath);
    if (found === undefined) {
      return [makeDiagnostic('schema-required', { field: String(discriminated.discriminator), where: describe(path) }, at.locate(path))];
    }
    return [
      makeDiagnostic(
        'schema-enum',
        { field: String(discriminated.discriminator), found: String(found), options: options.join(', '), suggestion: typeof found === 'string' ? suggestClosest(found, options) ?? '' : '' },
        at.locate(methodPath),
      ),
    ];
  }
  const meant = issue.errors.filter((branch) => !branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
  const chosen = meant.length > 0 ? meant : [];
  const best = chosen.sort((a, b) => a.length - b.length)[0];
  if (best) return best.flatMap((i) => issueDiagnostics(i, path, root, at));
  // No branch fits: name every accepted literal (e.g. `otherwise`, `minmax`) for a typo.
  const literals = issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : [])));
  if (typeof value === 'string' && literals.length > 0) {
    return [makeDiagnostic('schema-enum', { field, found: value, options: literals.join(', '), suggestion: suggestClosest(value, literals) ?? '' }, at.locate(path))];
  }
  return [makeDiagnostic('schema-type', { field, expected: unionExpectation(path), found: typeOf(value) }, at.locate(path))];
}

function unionExpectation(path: DocumentPath): string {
  const last = path.at(-1);
  if (last === 'normalise') return 'a method name or { method: … }';
  if (last === 'aggregate') return 'a method name or { method: … }';
  return "'otherwise' or an object with one key";
}

/** The keys allowed at `path`, found by walking the zod schema alongside the value. */
function allowedKeys(root: unknown, path: DocumentPath): string[] {
  let schema: z.core.$ZodType | undefined = FrameworkSchema;
  let value: unknown = root;
  for (const segment of path) {
    schema = objectLike(schema, value);
    if (!schema) return [];
    const def = schema._zod.def;
    if (def.type === 'object') schema = (def as z.core.$ZodObjectDef).shape[String(segment)];
    else if (def.type === 'array') schema = (def as z.core.$ZodArrayDef).element;
    else if (def.type === 'record') schema = (def as z.core.$ZodRecordDef).valueType;
    else return [];
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  const target = objectLike(schema, value);
  return target && target._zod.def.type === 'object' ? Object.keys((target._zod.def as z.core.$ZodObjectDef).shape) : [];
}

/** Unwrap optional/lazy/union down to the object or array schema that fits `value`. */
function objectLike(schema: z.core.$ZodType | undefined, value: unknown): z.core.$ZodType | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 20; guard++) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      current = (def as z.core.$ZodOptionalDef).innerType;
    } else if (def.type === 'lazy') {
      current = (def as z.core.$ZodLazyDef).getter();
    } else if (def.type === 'union') {
      const options = (def as z.core.$ZodUnionDef).options;
      const wanted = Array.isArray(value) ? 'array' : 'object';
      const candidates = options.map((o) => objectLike(o, value)).filter((o): o is z.core.$ZodType => o?._zod.def.type === wanted);
      const method = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['method'] : undefined;
      current =
        candidates.find((c) => {
          const shape = c._zod.def.type === 'object' ? (c._zod.def as z.core.$ZodObjectDef).shape : undefined;
          const literal = shape?.['method']?._zod.def;
          return literal?.type === 'literal' && (literal as z.core.$ZodLiteralDef<string>).values.includes(String(method));
        }) ?? candidates[0];
    } else {
      return current;
    }
  }
  return current;
}

/** The value at a document path of a parsed YAML document, or undefined where the path leaves it. */
export function valueAt(root: unknown, path: DocumentPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** What a value is, in the words a YAML author knows: null, list, mapping, string, number, boolean. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function fieldName(path: DocumentPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string') return p;
  }
  return '(root)';
}

/** `dimensions[0].indicators[2]` — how a person would name the place. */
export function describe(path: DocumentPath): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
