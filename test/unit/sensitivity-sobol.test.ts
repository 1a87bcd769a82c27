/**
 * The Sobol estimators on functions whose indices are known analytically, through the same
 * design (seeded streams, Saltelli's A, B, A_B^(i)) and estimator code the command uses.
 */
import { describe, expect, it } from 'vitest';
import { designLayout, designRow, evaluationCount, optionOf, streamOf } from '../../src/analyse/sensitivity/design.js';
import { quantileSorted, saltelliOutputs, sobolIndices } from '../../src/analyse/sensitivity/sobol.js';

/** Every analytic value inside its 95% bootstrap interval and within `tolerance` of the estimate. */
function expectIndices(found: ReturnType<typeof sobolIndices>, first: readonly number[], total: readonly number[], tolerance: number): void {
  found.forEach((index, i) => {
    expect(index.firstLow).toBeLessThanOrEqual(first[i]!);
    expect(index.firstHigh).toBeGreaterThanOrEqual(first[i]!);
    expect(index.totalLow).toBeLessThanOrEqual(total[i]!);
    expect(index.totalHigh).toBeGreaterThanOrEqual(total[i]!);
    expect(Math.abs(index.first - first[i]!)).toBeLessThan(tolerance);
    expect(Math.abs(index.total - total[i]!)).toBeLessThan(tolerance);
  });
}

describe('Sobol indices (Jansen estimators, Saltelli design)', () => {
  it('linear model Y = 1·X1 + 2·X2 + 3·X3, Xi ~ U(0, 1): Si = STi = ai² / Σa² = 1/14, 4/14, 9/14', () => {
    // Var(ai Xi) = ai²/12, independent terms, no interactions: first = total = ai² / (1 + 4 + 9).
    const y = saltelliOutputs((u) => u[0]! + 2 * u[1]! + 3 * u[2]!, [1, 1, 1], 4000, 11);
    const indices = sobolIndices(y, 3, { bootstrap: 500, seed: 11 });
    expectIndices(indices, [1 / 14, 4 / 14, 9 / 14], [1 / 14, 4 / 14, 9 / 14], 0.03);
  });

  it('Ishigami (a = 7, b = 0.1): S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437', () => {
    // Xi ~ U(−π, π). V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446; V1 = (1 + bπ⁴/5)²/2 = 4.3459,
    // V2 = a²/8 = 6.125, V13 = b²π⁸(1/18 − 1/50) = 3.3737: S1 = 0.3139, S2 = 0.4424, S3 = 0,
    // ST1 = (V1 + V13)/V = 0.5576, ST2 = S2, ST3 = V13/V = 0.2437 (Saltelli et al. 2008, §4.5).
    const a = 7;
    const b = 0.1;
    const x = (u: number): number => Math.PI * (2 * u - 1);
    const ishigami = (u: Float64Array): number => Math.sin(x(u[0]!)) + a * Math.sin(x(u[1]!)) ** 2 + b * x(u[2]!) ** 4 * Math.sin(x(u[0]!));
    const y = saltelliOutputs(ishigami, [1, 1, 1], 20000, 5);
    const indices = sobolIndices(y, 3, { bootstrap: 500, seed: 5 });
    expectIndices(indices, [0.3139, 0.4424, 0], [0.5576, 0.4424, 0.2437], 0.04);
  });

  it('grouped inputs: an assumption of two numbers is one index (Y = X1 + X2 + X3, groups {1, 2} and {3}: 2/3 and 1/3)', () => {
    const y = saltelliOutputs((u) => u[0]! + u[1]! + u[2]!, [2, 1], 4000, 3);
    const indices = sobolIndices(y, 2, { bootstrap: 300, seed: 3 });
    expectIndices(indices, [2 / 3, 1 / 3], [2 / 3, 1 / 3], 0.03);
  });

  it('a constant output has no variance to apportion: indices are NaN, not a division by zero passed off as 0', () => {
    const y = saltelliOutputs(() => 5, [1, 1], 50, 1);
    const [first] = sobolIndices(y, 2, { bootstrap: 20, seed: 1 });
    expect(Number.isNaN(first!.first)).toBe(true);
    expect(Number.isNaN(first!.total)).toBe(true);
  });
});

describe('design', () => {
  it('Saltelli rows: A, B, then A with one assumption’s numbers from B', () => {
    const layout = designLayout([2, 1]);
    expect(layout.offsets).toEqual([0, 2]);
    expect(evaluationCount('sobol', 10, 2)).toBe(40); // N × (k + 2)
    const rows = [0, 1, 2, 3].map((m) => {
      const out = new Float64Array(3);
      designRow('sobol', 9, layout, 4 * 6 + m, out, new Float64Array(6)); // base sample 6
      return Array.from(out);
    });
    const [a, b, ab0, ab1] = rows as [number[], number[], number[], number[]];
    expect(ab0).toEqual([b[0], b[1], a[2]]);
    expect(ab1).toEqual([a[0], a[1], b[2]]);
    expect(a).not.toEqual(b);
  });

  it('a stream depends only on (seed, index): the same numbers whenever and wherever it is drawn', () => {
    const draw = (seed: number, index: number) => {
      const rng = streamOf(seed, index);
      return [rng.next(), rng.next(), rng.next()];
    };
    expect(draw(1, 5)).toEqual(draw(1, 5));
    expect(draw(1, 5)).not.toEqual(draw(1, 6));
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
    expect(draw(0, 2 ** 32)).not.toEqual(draw(0, 0)); // indices past 2³² are streams of their own
  });

  it('options are drawn with equal probability: u in [i/k, (i+1)/k) picks option i', () => {
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999999].map((u) => optionOf(u, 3))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('quantile type 7 (R default): [1, 2, 3, 4] → p5 = 1.15, median 2.5, p95 = 3.85', () => {
    // h = (n − 1)p: 0.15 → 1 + 0.15·1; 1.5 → 2 + 0.5·1; 2.85 → 3 + 0.85·1.
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
  });
});
