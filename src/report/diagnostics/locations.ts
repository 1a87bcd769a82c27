/**
 * What several diagnostic formats share about where a finding is: which positions a report may
 * print, and the order files are reported in.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/**
 * A usable 1-based line or column. Zero, fractional or missing positions are left out of a
 * report rather than printed as if they pointed somewhere.
 */
export function isPosition(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 1;
}

/**
 * The (already sorted) diagnostics per file: every file the user gave, in their order — a clean
 * one with none — then any other file a diagnostic names, in order of first mention.
 */
export function diagnosticsByFile(sorted: readonly Diagnostic[], files: readonly string[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of files) byFile.set(file, []);
  for (const d of sorted) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
