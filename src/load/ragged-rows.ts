/**
 * Files whose rows disagree with their header in bulk. csv-parse builds an error object for
 * every record with the wrong field count, even when told to relax (≈40–180 µs each, against
 * ≈25 µs for a good record), so a file exported with the wrong delimiter and millions of rows
 * would take an hour to report a million identical findings. Past {@link RAGGED_ROWS_LIMIT}
 * such rows the file is not a data file with some bad rows but a file read the wrong way:
 * reading stops, and one diagnostic says so.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';

/** Ragged rows after which a file is given up: enough that a file with some bad rows is still read and every one reported. */
export const RAGGED_ROWS_LIMIT = 1000;

/** Thrown from csv-parse's record callback to end the parse at the limit. */
export class RaggedRowsStop extends Error {
  constructor(readonly line: number) {
    super(`ragged rows limit reached at line ${line}`);
  }
}

/** The one diagnostic a stopped file gets: where reading stopped and where the first ragged row was. */
export function raggedRowsStopped(file: string, expected: number, firstLine: number, line: number): Diagnostic {
  return makeDiagnostic('csv-ragged-stopped', { count: RAGGED_ROWS_LIMIT, expected, firstLine, line }, { file, line: firstLine });
}

/**
 * For a file read in pieces: the stop diagnostic reading it whole would have given, or
 * undefined when its ragged rows stay under the limit. Each piece stops at its own
 * {@link RAGGED_ROWS_LIMIT}th ragged row and keeps the findings for the rows before it, so the
 * pieces' `csv-field-count` findings in file order always include the whole file's first
 * {@link RAGGED_ROWS_LIMIT}.
 */
export function raggedStopOfPieces(diagnostics: readonly Diagnostic[], file: string, expected: number): Diagnostic | undefined {
  let count = 0;
  let firstLine = 0;
  for (const d of diagnostics) {
    if (d.code !== 'csv-field-count') continue;
    count++;
    if (count === 1) firstLine = d.line ?? 0;
    if (count === RAGGED_ROWS_LIMIT) return raggedRowsStopped(file, expected, firstLine, d.line ?? 0);
  }
  return undefined;
}
