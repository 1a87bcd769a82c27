/**
 * The fused aggregation kernel of `dgmi sensitivity` is the engine's `aggregateGroup` bit for bit,
 * for every method, on columns with missing values, zeros, negatives, tiny and huge values and
 * fractional shares (whose sums round), so the operation order is really tested.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateFused, logColumn, type FusedMethod } from '../../src/analyse/sensitivity/fused-aggregate.js';
import { aggregateGroup } from '../../src/score/aggregate.js';

const METHODS: readonly FusedMethod[] = ['arithmetic', 'geometric', 'harmonic', 'minimum'];
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, 0, -3, 1e-310, 5e-324, 1e300, 100, 100.00000000000001) },
);

describe('fused aggregation kernel (property)', () => {
  it('equals aggregateGroup bit for bit for every method', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.constantFrom(0.1, 0.2, 0.3, 1 / 3, 1 / 6, 0.7, 2.5), { minLength: 6, maxLength: 6 }),
        fc.array(cell, { minLength: 72, maxLength: 72 }),
        (method, k, n, weights, cells) => {
          const total = weights.slice(0, k).reduce((a, b) => a + b, 0);
          const shares = Float64Array.from(weights.slice(0, k), (w) => w / total);
          const columns = Array.from({ length: k }, (_, c) => Float64Array.from({ length: n }, (_, r) => cells[c * 12 + r]!));
          const engine = new Float64Array(n);
          aggregateGroup(method, columns.map((scores, c) => ({ scores, share: shares[c]! })), { out: engine, presentShare: new Float64Array(n), issues: new Uint8Array(n) });
          const fused = new Float64Array(n).fill(-1);
          aggregateFused(method, columns, shares, fused);
          engine.forEach((x, row) => expect(Object.is(fused[row], x)).toBe(true));
          // Logarithms kept from an earlier replication (for some children) change no bit.
          const withLogs = new Float64Array(n).fill(-1);
          aggregateFused(method, columns, shares, withLogs, columns.map((column, c) => (c % 2 === 0 ? logColumn(column) : undefined)));
          engine.forEach((x, row) => expect(Object.is(withLogs[row], x)).toBe(true));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hand-computed cases: a missing child renormalises, a zero pins the geometric mean, a negative leaves it missing', () => {
    // Shares 0.25, 0.75. Row 0: 40, 80 → 0.25·40 + 0.75·80 = 70. Row 1: NaN, 80 → 0.75·80/0.75 = 80.
    // Row 2: both missing → NaN. Geometric row 0: exp(0.25 ln 40 + 0.75 ln 80) = 40^0.25 · 80^0.75 ≈ 67.27.
    const a = Float64Array.from([40, NaN, NaN, 0, -1]);
    const b = Float64Array.from([80, 80, NaN, 50, 50]);
    const shares = Float64Array.from([0.25, 0.75]);
    const out = new Float64Array(5);
    aggregateFused('arithmetic', [a, b], shares, out);
    expect(out[0]).toBeCloseTo(70, 12);
    expect(out[1]).toBeCloseTo(80, 12);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(37.5, 12); // 0.75 · 50
    expect(out[4]).toBeCloseTo(37.25, 12); // 0.25 · −1 + 0.75 · 50
    aggregateFused('geometric', [a, b], shares, out);
    expect(out[0]).toBeCloseTo(40 ** 0.25 * 80 ** 0.75, 10);
    expect(out[3]).toBe(0);
    expect(out[4]).toBeNaN();
    aggregateFused('minimum', [a, b], shares, out);
    expect(Array.from(out)).toEqual([40, 80, NaN, 0, -1]);
  });
});
