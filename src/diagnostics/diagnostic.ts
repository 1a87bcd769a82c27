/**
 * A finding about an input: a value, never a thrown string. Rules emit a stable `code` with
 * `args`; the wording (zh/en) lives in one place (`./messages.ts`) so formatters can render
 * either language and tests can assert codes instead of sentences.
 */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 2, warning: 1, info: 0 };

export type DiagnosticArgs = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `id-duplicate`. Never reworded once shipped. */
  readonly code: string;
  readonly severity: Severity;
  /** English message, rendered from `code` and `args` when the diagnostic was made. */
  readonly message: string;
  readonly args: DiagnosticArgs;
  /** Path of the file the finding is about, as the user named it. */
  readonly file: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column (characters, not bytes). */
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Path inside the document, e.g. `['dimensions', 0, 'weight']`, or a CSV column name. */
  readonly path?: readonly (string | number)[];
  /** English hint on how to fix it. */
  readonly hint?: string;
}

export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly path?: readonly (string | number)[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function atOrAbove(diagnostics: readonly Diagnostic[], threshold: Severity): Diagnostic[] {
  return diagnostics.filter((d) => SEVERITY_ORDER[d.severity] >= SEVERITY_ORDER[threshold]);
}

/** Sort by file, line, column, then code, so output is stable whatever order rules ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
