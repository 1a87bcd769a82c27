/**
 * The engine is pure and never sees YAML, so its findings about a framework node carry only the
 * node's document path (`['dimensions', 0, 'indicators', 2, 'denominator']`). Once the CLI has
 * both, this puts the line and column back, so `file:line:col` points at the key to fix.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleContext } from './rule-context.js';

export function locateFrameworkFindings(diagnostics: readonly Diagnostic[], file: string | undefined, locate: RuleContext['locate'] | undefined): readonly Diagnostic[] {
  if (!locate || file === undefined) return diagnostics;
  return diagnostics.map((d) => {
    if (d.file !== file || d.line !== undefined || !d.path || d.path.length === 0) return d;
    const at = locate(d.path);
    return at.line === undefined ? d : { ...d, ...at, path: d.path };
  });
}
