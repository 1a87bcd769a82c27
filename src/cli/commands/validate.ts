import { atOrAbove, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { loadFramework } from '../../load/framework.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../../report/diagnostics/index.js';
import { plainPalette } from '../../report/palette.js';
import { EXIT, type Io } from '../io.js';
import { emit, hasUnreadableInput, presentation } from './shared.js';

export interface ValidateOptions {
  readonly format: DiagnosticFormat;
  readonly failOn: Severity;
  readonly output?: string;
  readonly maxBytes?: number;
  readonly lang?: string;
  readonly color: boolean;
}

export async function runValidate(io: Io, version: string, frameworks: readonly string[], options: ValidateOptions): Promise<number> {
  const p = presentation(io, options);
  const diagnostics: Diagnostic[] = [];
  for (const file of frameworks) {
    const result = await loadFramework(file, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
    diagnostics.push(...result.diagnostics);
  }
  const sorted = sortDiagnostics(diagnostics);
  const text = DIAGNOSTIC_FORMATS[options.format](sorted, {
    lang: p.lang,
    // A report written to a file never carries terminal escapes.
    color: options.output === undefined ? p.stdoutPalette : plainPalette,
    files: frameworks,
    toolVersion: version,
    cwd: io.cwd,
    failOn: options.failOn,
  });
  const written = await emit(io, text, options.output, frameworks, p.lang);
  if (written !== EXIT.ok) return written;
  return validateExitStatus(sorted, options.failOn);
}

/** 2 when an input could not be read, 1 when a finding reaches `failOn`, else 0. */
export function validateExitStatus(diagnostics: readonly Diagnostic[], failOn: Severity): number {
  if (hasUnreadableInput(diagnostics)) return EXIT.usage;
  return atOrAbove(diagnostics, failOn).length > 0 ? EXIT.findings : EXIT.ok;
}
