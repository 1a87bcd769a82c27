import { describe, expect, it } from 'vitest';
import type { AggregateMethod } from '../../src/model/framework.js';
import { aggregateGroup, ISSUE_NEGATIVE, ISSUE_ZERO, type AggregateChild } from '../../src/score/aggregate.js';
import { childEffectiveWeight } from '../../src/score/effective-weight.js';

/** Children given as columns of per-row scores with their shares. */
function aggregate(method: AggregateMethod, children: readonly { scores: readonly number[]; share: number }[]) {
  const n = children[0]?.scores.length ?? 0;
  const inputs: AggregateChild[] = children.map((c) => ({ scores: Float64Array.from(c.scores), share: c.share }));
  const out = new Float64Array(n);
  const presentShare = new Float64Array(n);
  const issues = new Uint8Array(n);
  aggregateGroup(method, inputs, { out, presentShare, issues });
  return { out: Array.from(out), presentShare: Array.from(presentShare), issues: Array.from(issues) };
}

describe('arithmetic', () => {
  it('is the weighted mean, renormalising over the present children', () => {
    const result = aggregate('arithmetic', [
      { scores: [60, 80, NaN], share: 0.75 },
      { scores: [20, NaN, NaN], share: 0.25 },
    ]);
    // Row 0: 0.75 × 60 + 0.25 × 20 = 45 + 5 = 50.
    // Row 1: only the first child: (0.75 × 80)/0.75 = 80.
    // Row 2: no child present → missing.
    expect(result.out).toEqual([50, 80, NaN]);
    expect(result.presentShare).toEqual([1, 0.75, 0]);
  });
});

describe('geometric', () => {
  it('is Π xᵢ^wᵢ', () => {
    // 8^(2/3) × 64^(1/3) = 4 × 4 = 16.
    const result = aggregate('geometric', [
      { scores: [8], share: 2 / 3 },
      { scores: [64], share: 1 / 3 },
    ]);
    expect(result.out[0]).toBeCloseTo(16, 12);
  });

  it('renormalises the weights of the present children', () => {
    // Third child missing: shares 0.25 and 0.25 renormalise to 0.5 and 0.5: √(4 × 16) = 8.
    const result = aggregate('geometric', [
      { scores: [4], share: 0.25 },
      { scores: [16], share: 0.25 },
      { scores: [NaN], share: 0.5 },
    ]);
    expect(result.out[0]).toBeCloseTo(8, 12);
    expect(result.presentShare[0]).toBe(0.5);
  });

  it('gives 0 for a zero child and flags it', () => {
    const result = aggregate('geometric', [
      { scores: [0, 9], share: 0.5 },
      { scores: [50, 4], share: 0.5 },
    ]);
    // Row 0: 0^0.5 × 50^0.5 = 0. Row 1: √(9 × 4) = 6.
    expect(result.out[0]).toBe(0);
    expect(result.out[1]).toBeCloseTo(6, 12);
    expect(result.issues).toEqual([ISSUE_ZERO, 0]);
  });

  it('leaves a row with a negative child missing and flags it', () => {
    const result = aggregate('geometric', [
      { scores: [-1], share: 0.5 },
      { scores: [4], share: 0.5 },
    ]);
    expect(result.out).toEqual([NaN]);
    expect(result.issues).toEqual([ISSUE_NEGATIVE]);
  });
});

describe('harmonic', () => {
  it('is 1/Σ(wᵢ/xᵢ)', () => {
    // 1/(0.5/2 + 0.5/6) = 1/(0.25 + 0.0833…) = 1/(1/3) = 3.
    const result = aggregate('harmonic', [
      { scores: [2], share: 0.5 },
      { scores: [6], share: 0.5 },
    ]);
    expect(result.out[0]).toBeCloseTo(3, 12);
  });

  it('gives 0 for a zero child and flags it', () => {
    const result = aggregate('harmonic', [
      { scores: [0], share: 0.5 },
      { scores: [6], share: 0.5 },
    ]);
    expect(result.out).toEqual([0]);
    expect(result.issues).toEqual([ISSUE_ZERO]);
  });
});

describe('minimum', () => {
  it('takes the weakest present child and ignores the weights', () => {
    // Row 0: min(30, 10, 20) = 10 although 10 has the smallest weight; row 1: min(30, 20) = 20.
    const result = aggregate('minimum', [
      { scores: [30, 30], share: 0.45 },
      { scores: [10, NaN], share: 0.1 },
      { scores: [20, 20], share: 0.45 },
    ]);
    expect(result.out).toEqual([10, 20]);
  });
});

describe('effective weights', () => {
  it('multiply the renormalised share into the parent’s weight, 0 where dropped', () => {
    const parentWeight = Float64Array.from([0.5, 0.5, 0]);
    const parentPresentShare = Float64Array.from([1, 0.75, 0]);
    const child = Float64Array.from([60, 80, NaN]);
    const out = new Float64Array(3);
    childEffectiveWeight(parentWeight, parentPresentShare, child, 0.75, out);
    // Row 0: 0.5 × 0.75/1 = 0.375; row 1: 0.5 × 0.75/0.75 = 0.5; row 2: missing → 0.
    expect(Array.from(out)).toEqual([0.375, 0.5, 0]);
  });
});
