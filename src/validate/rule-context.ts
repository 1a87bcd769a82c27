/**
 * What a semantic rule sees. Rules run even when the schema stage found errors (so a user sees
 * every finding at once), which means `input` may not really have the shape its type claims:
 * rules guard the types they read (`typeof w === 'number'`), and a rule that throws on a
 * schema-invalid document is skipped rather than crashing validation.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import type { FrameworkInput } from '../model/framework.js';
import type { DocumentPath } from '../load/yaml.js';

export interface RuleContext {
  readonly file: string;
  readonly input: FrameworkInput;
  readonly isSchemaValid: boolean;
  /** Source position of `path`; with `target: 'key'` the position of the key itself. */
  readonly locate: (path: DocumentPath, target?: 'key' | 'value') => SourceLocation;
}

/** A named semantic check. Its function name is its identity in tests and docs. */
export type FrameworkRule = (ctx: RuleContext) => Diagnostic[];
