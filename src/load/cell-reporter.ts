/** Cell diagnostics of one file, capped so a file with the wrong delimiter gives one summary, not a million findings. */
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { CellProblem } from './cells.js';
import { columnLetter } from './columns.js';
import type { FileContext } from './file-context.js';

/** Cell diagnostics of one file, capped at `maxCellDiagnostics` with a count of the rest. */
export class CellReporter {
  private unlisted = 0;
  private listed = 0;

  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly context: Pick<FileContext, 'diagnostics' | 'maxCellDiagnostics'>,
  ) {}

  report(problem: CellProblem, text: string, line: number, column: number, indicator: string): void {
    if (this.listed >= this.context.maxCellDiagnostics) {
      this.unlisted++;
      return;
    }
    this.listed++;
    const header = this.header[column] ?? '';
    this.context.diagnostics.push(
      makeDiagnostic(
        problem.code,
        { text, header, columnLetter: columnLetter(column), indicator, ...problem.args },
        { file: this.file, line, column: column + 1, path: [header] },
      ),
    );
  }

  /** Problems found and counted elsewhere (on a worker thread) but not kept. */
  countUnlisted(count: number): void {
    this.unlisted += count;
  }

  finish(): void {
    if (this.unlisted > 0) {
      this.context.diagnostics.push(makeDiagnostic('cell-errors-truncated', { path: this.file, count: this.unlisted }, { file: this.file }));
    }
  }
}
