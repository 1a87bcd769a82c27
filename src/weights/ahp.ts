/**
 * The analytic hierarchy process (层次分析法, Saaty): weights from a pairwise comparison matrix
 * (a_ij = how much more important child i is than child j), with Saaty's consistency check.
 * The principal eigenvector comes from ml-matrix.
 */
import { mlMatrix } from './lazy-libraries.js';

/** Saaty's random consistency index RI for n = 1…10 (index n − 1). */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** The largest matrix the RI table covers. */
export const AHP_MAX_SIZE = RANDOM_INDEX.length;

/** CR at or above this is inconsistent (Saaty's 10 % rule) unless `max_cr` raises the bar. */
export const AHP_DEFAULT_MAX_CR = 0.1;

export interface AhpResult {
  /** Principal eigenvector normalised to sum 1, in the children's order. */
  readonly weights: readonly number[];
  /** The principal (Perron) eigenvalue. */
  readonly lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  readonly ci: number;
  readonly ri: number;
  /** Consistency ratio CI/RI; 0 when RI is 0 (n ≤ 2, always consistent). */
  readonly cr: number;
  /**
   * The pair (i, j), i < j, whose judgement departs most from the derived weights: the largest
   * max(ε, 1/ε) with ε = a_ij·w_j/w_i (1 for a perfectly consistent pair).
   */
  readonly worstPair: readonly [number, number] | undefined;
}

/**
 * Reads a matrix entry: a number, or a string holding a number or a fraction `"1/3"` (how
 * Saaty's scale is usually written). undefined when it is neither.
 */
export function parseAhpEntry(entry: unknown): number | undefined {
  if (typeof entry === 'number') return entry;
  if (typeof entry !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)\s*)?$/u.exec(entry);
  if (!match) return undefined;
  const numerator = Number(match[1]);
  return match[2] === undefined ? numerator : numerator / Number(match[2]);
}

/**
 * Weights and consistency of a positive reciprocal matrix (checked by the validation rules
 * beforehand; here it is assumed). λmax is the eigenvalue with the largest real part, which for
 * a positive matrix is real and has a positive eigenvector (Perron–Frobenius).
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  if (n === 1) return { weights: [1], lambdaMax: 1, ci: 0, ri: 0, cr: 0, worstPair: undefined };
  const { EigenvalueDecomposition, Matrix } = mlMatrix();
  const evd = new EigenvalueDecomposition(new Matrix(matrix.map((row) => [...row])));
  const eigenvalues = evd.realEigenvalues;
  let principal = 0;
  eigenvalues.forEach((value, k) => {
    if (value > eigenvalues[principal]!) principal = k;
  });
  const vector = evd.eigenvectorMatrix.getColumn(principal).map(Math.abs);
  const total = vector.reduce((sum, v) => sum + v, 0);
  const weights = vector.map((v) => v / total);
  const lambdaMax = eigenvalues[principal]!;
  // λmax ≥ n for a positive reciprocal matrix; rounding can put it an ulp below.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = RANDOM_INDEX[n - 1] ?? Number.NaN;
  const cr = ri > 0 ? ci / ri : 0;
  return { weights, lambdaMax, ci, ri, cr, worstPair: worstPair(matrix, weights) };
}

function worstPair(matrix: readonly (readonly number[])[], weights: readonly number[]): [number, number] | undefined {
  let worst: [number, number] | undefined;
  let worstDeparture = 1;
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const epsilon = (matrix[i]![j]! * weights[j]!) / weights[i]!;
      const departure = Math.max(epsilon, 1 / epsilon);
      if (departure > worstDeparture + 1e-9) {
        worstDeparture = departure;
        worst = [i, j];
      }
    }
  }
  return worst;
}
