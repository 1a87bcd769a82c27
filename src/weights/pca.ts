/**
 * PCA weights: how strongly each child loads on the first principal component of the
 * standardised children (the common factor they share). Computed by ml-pca (SVD).
 */
import { isConstant, type WeightsOutcome } from './outcome.js';
import { mlPca } from './lazy-libraries.js';

/**
 * PCA weights of `columns` (one per child, the rows of one scope, every value present): the
 * children are standardised (z-scores, sample sd), the first principal component's loadings
 * a_j = v_j √λ₁ are squared and normalised to sum 1, which is w_j = v_j² since the eigenvector
 * v has unit length. The sign of a component is arbitrary; squaring removes it. A constant
 * column cannot be standardised: it is left out and gets weight 0.
 */
export function pcaWeights(columns: readonly Float64Array[]): WeightsOutcome {
  const n = columns[0]?.length ?? 0;
  if (n < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
  const constant = columns.map(isConstant);
  const varying = columns.map((_, j) => j).filter((j) => !constant[j]);
  if (varying.length === 0) return { kind: 'degenerate', reason: 'all-constant' };
  const weights = columns.map(() => 0);
  if (varying.length === 1) {
    weights[varying[0]!] = 1;
    return { kind: 'weights', weights, constant };
  }
  const rows = Array.from({ length: n }, (_, i) => varying.map((j) => columns[j]![i]!));
  const { PCA } = mlPca();
  const pca = new PCA(rows, { center: true, scale: true });
  const first = pca.getEigenvectors().getColumn(0);
  const squares = first.map((v) => v * v);
  const total = squares.reduce((sum, s) => sum + s, 0);
  varying.forEach((j, k) => {
    weights[j] = squares[k]! / total;
  });
  return { kind: 'weights', weights, constant };
}
