/**
 * Denominators: an indicator's raw value divided by another column of the submission (per
 * capita, per km², per GDP), times an optional factor ("per 10,000"). Division by a missing,
 * zero or negative denominator would give NaN, ±Infinity or a sign flip that min–max would
 * quietly absorb, so such a row is named instead and its value left missing.
 */

export type DenominatorProblem = 'missing' | 'zero' | 'negative';

export interface DenominatorFinding {
  readonly row: number;
  readonly problem: DenominatorProblem;
  /** The denominator as read (NaN when missing). */
  readonly denominator: number;
}

export interface DenominatedColumn {
  readonly value: Float64Array;
  /** Rows with a value but no usable denominator: their value is NaN in `value`. */
  readonly findings: readonly DenominatorFinding[];
}

/** value × factor / denominator for every row; a row without a value stays missing and is no finding. */
export function denominateColumn(raw: ArrayLike<number>, denominator: ArrayLike<number>, factor: number): DenominatedColumn {
  const value = new Float64Array(raw.length);
  const findings: DenominatorFinding[] = [];
  for (let row = 0; row < raw.length; row++) {
    const x = raw[row] ?? NaN;
    const d = denominator[row] ?? NaN;
    if (x !== x) {
      value[row] = NaN;
    } else if (d > 0 && d < Infinity) {
      // (x / d) * factor, not x * factor / d: with factor 1 it is exactly COINr's x / d.
      value[row] = factor === 1 ? x / d : (x / d) * factor;
    } else {
      value[row] = NaN;
      findings.push({ row, problem: d !== d ? 'missing' : d === 0 ? 'zero' : 'negative', denominator: d });
    }
  }
  return { value, findings };
}
