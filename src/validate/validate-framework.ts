/**
 * Framework validation in two stages, as values (changesets style): the schema says whether the
 * shape is right; named rules say whether the content makes sense. Both always run, so one
 * pass shows the author every finding. Only a framework without errors is resolved.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { DocumentPath } from '../load/yaml.js';
import type { FrameworkInput } from '../model/framework.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { resolveFramework } from './resolve.js';
import type { RuleContext } from './rule-context.js';
import { FRAMEWORK_RULES } from './rules/index.js';
import { checkFrameworkSchema } from './schema-diagnostics.js';

export interface FrameworkValidation {
  /** Present when there are no errors. */
  readonly framework?: ResolvedFramework;
  readonly diagnostics: readonly Diagnostic[];
  /** Where a document path sits in the file: for findings made after validation (the engine's), which know only the path. */
  readonly locate?: RuleContext['locate'];
}

export interface ValidationSource {
  readonly file: string;
  readonly locate: RuleContext['locate'];
  readonly sourceText?: (path: DocumentPath) => string | undefined;
  readonly sha256?: string;
}

export function validateFramework(value: unknown, source: ValidationSource): FrameworkValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = value === null ? 'nothing' : Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value)}`;
    return { diagnostics: [makeDiagnostic('framework-not-a-mapping', { found }, source.locate([]))] };
  }
  const schema = checkFrameworkSchema(value, source);
  const ctx: RuleContext = {
    file: source.file,
    // When the schema failed, rules see the raw value; they guard what they read (rule-context.ts).
    input: schema.input ?? (value as FrameworkInput),
    isSchemaValid: schema.input !== undefined,
    locate: source.locate,
  };
  const diagnostics: Diagnostic[] = [...schema.diagnostics];
  for (const rule of FRAMEWORK_RULES) {
    try {
      diagnostics.push(...rule(ctx));
    } catch (error) {
      // A rule tripping over a malformed document adds nothing the schema stage hasn't said.
      if (ctx.isSchemaValid) {
        diagnostics.push(makeDiagnostic('rule-crashed', { rule: rule.name, detail: String(error) }, { file: source.file }));
      }
    }
  }
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !schema.input) return { diagnostics: sorted };
  return {
    framework: resolveFramework(schema.input, { file: source.file, ...(source.sha256 ? { sha256: source.sha256 } : {}) }),
    diagnostics: sorted,
    locate: source.locate,
  };
}

/** Validate a framework given as a plain object (library use): locations carry the path only. */
export function validateFrameworkObject(value: unknown, file = '<memory>'): FrameworkValidation {
  return validateFramework(value, { file, locate: (path) => ({ file, path }) });
}
