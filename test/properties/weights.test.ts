/**
 * Invariants of data-driven weights and of TOPSIS / grey relational aggregation over random
 * tables (3–12 regions × 2–5 children, values on a coarse grid so ties and constant columns
 * occur).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { IndicatorInput, WeightingMethod } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { formatJson } from '../../src/report/results/json.js';
import { plainPalette } from '../../src/report/palette.js';
import { aggregateGreyRelational } from '../../src/score/grey-relational.js';
import { aggregateTopsis } from '../../src/score/topsis.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { criticWeights } from '../../src/weights/critic.js';
import { cvWeights } from '../../src/weights/cv.js';
import { entropyWeights } from '../../src/weights/entropy.js';
import type { WeightsOutcome } from '../../src/weights/outcome.js';
import { pcaWeights } from '../../src/weights/pca.js';

/** A table as columns: `children` columns of `rows` values each, integers 1–20 (so CV's mean is never 0). */
const table = (minRows = 3) =>
  fc.integer({ min: 2, max: 5 }).chain((children) =>
    fc.integer({ min: minRows, max: 12 }).chain((rows) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: rows, maxLength: rows }), { minLength: children, maxLength: children }),
    ),
  );

const toColumns = (t: number[][]) => t.map((c) => Float64Array.from(c));

function expectAWeightVector(outcome: WeightsOutcome, size: number): void {
  if (outcome.kind === 'degenerate') return;
  expect(outcome.weights).toHaveLength(size);
  for (const w of outcome.weights) expect(w).toBeGreaterThanOrEqual(0);
  expect(outcome.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
}

describe('weight vectors', () => {
  it('are non-negative and sum to 1 (entropy, CRITIC, CV, PCA), or are reported degenerate', () => {
    fc.assert(
      fc.property(table(), (t) => {
        const columns = toColumns(t);
        for (const outcome of [entropyWeights(columns), criticWeights(columns), cvWeights(columns), pcaWeights(columns)]) expectAWeightVector(outcome, t.length);
        // Only an all-constant table is degenerate for entropy: any varying column has d > 0.
        const varies = t.some((c) => c.some((x) => x !== c[0]));
        expect(entropyWeights(columns).kind).toBe(varies ? 'weights' : 'degenerate');
      }),
      { numRuns: 150 },
    );
  });

  it('entropy and CV weights do not change when a child is multiplied by a positive constant', () => {
    fc.assert(
      fc.property(table(), fc.nat(), fc.double({ min: 0.01, max: 1000, noNaN: true }), (t, pick, factor) => {
        const j = pick % t.length;
        const scaled = t.map((c, k) => (k === j ? c.map((x) => x * factor) : c));
        for (const method of [entropyWeights, cvWeights]) {
          const before = method(toColumns(t));
          const after = method(toColumns(scaled));
          expect(after.kind).toBe(before.kind);
          if (before.kind === 'weights' && after.kind === 'weights') before.weights.forEach((w, i) => expect(after.weights[i]).toBeCloseTo(w, 9));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('TOPSIS and grey relational aggregation', () => {
  const scored = (t: number[][], shares: number[], method: 'topsis' | 'grey') => {
    const rows = t[0]!.length;
    const out = new Float64Array(rows);
    const children = t.map((c, i) => ({ scores: Float64Array.from(c), share: shares[i]! }));
    const buffers = { out, presentShare: new Float64Array(rows) };
    const scope = [Uint32Array.from({ length: rows }, (_, i) => i)];
    if (method === 'topsis') aggregateTopsis(children, scope, new Uint8Array(rows), 100, buffers);
    else aggregateGreyRelational(children, scope, new Uint8Array(rows), 0.5, 100, buffers);
    return out;
  };
  /** Unequal shares 1 : 2 : … : k, normalised. */
  const sharesFor = (t: number[][]) => t.map((_, i) => (2 * (i + 1)) / (t.length * (t.length + 1)));

  it('stay within [0, scale]', () => {
    fc.assert(
      fc.property(table(2), (t) => {
        for (const method of ['topsis', 'grey'] as const) for (const x of scored(t, sharesFor(t), method)) expect(x >= 0 && x <= 100).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("TOPSIS closeness never falls when one region's child score rises", () => {
    fc.assert(
      fc.property(table(2), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 30 }), (t, pickChild, pickRow, rise) => {
        const j = pickChild % t.length;
        const row = pickRow % t[0]!.length;
        const before = scored(t, sharesFor(t), 'topsis')[row]!;
        const raised = t.map((c, k) => (k === j ? c.map((x, r) => (r === row ? x + rise : x)) : c));
        const after = scored(raised, sharesFor(t), 'topsis')[row]!;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('reproducing a result with fixed weights', () => {
  const ind = (id: string, weight?: number): IndicatorInput => ({ id, name: { en: id }, ...(weight === undefined ? {} : { weight }) });
  const frameworkOf = (ids: string[], weighting: WeightingMethod | undefined, weights: Record<string, number> = {}): ResolvedFramework =>
    resolveFramework({
      format: 'dgmi/1',
      id: 'p',
      name: { en: 'p' },
      dimensions: [
        { id: 'g', name: { en: 'g' }, ...(weighting ? { weighting } : {}), indicators: ids.map((id) => ind(id, weights[id])) },
        { id: 'h', name: { en: 'h' }, indicators: [ind('z')] },
      ],
    });
  const datasetOf = (framework: ResolvedFramework, t: number[][], z: number[]): Dataset => {
    const rows = t[0]!.length;
    return {
      rowCount: rows,
      region: Array.from({ length: rows }, (_, i) => `r${i}`),
      name: Array.from({ length: rows }, () => ''),
      group: Array.from({ length: rows }, () => ''),
      period: Array.from({ length: rows }, () => '2022'),
      values: [...t.map((c) => Float64Array.from(c)), Float64Array.from(z)],
      sources: Array.from({ length: rows }, (_, i) => ({ file: 'd.csv', line: i + 2 })),
      inputs: [{ path: 'd.csv', sha256: '' }],
    };
  };

  it('replacing derived weights by the ones score --format json reports gives the same scores', () => {
    fc.assert(
      fc.property(table(), fc.constantFrom<WeightingMethod>('entropy', 'critic', 'cv', 'pca'), (t, method) => {
        const ids = t.map((_, i) => `x${i}`);
        const z = t[0]!.map((_, r) => (r * 7) % 11);
        const derived = frameworkOf(ids, method);
        const first = score(derived, datasetOf(derived, t, z));
        const document = JSON.parse(formatJson(first, { lang: 'en', palette: plainPalette, toolVersion: 'test' })) as {
          weights: { group: string; weights: Record<string, number> }[];
          results: { region: string; score: number | null }[];
        };
        const reported = document.weights.find((w) => w.group === 'g')!.weights;
        const fixed = frameworkOf(ids, undefined, reported);
        const second = score(fixed, datasetOf(fixed, t, z));
        first.composite.score.forEach((s, row) => {
          if (Number.isNaN(s)) expect(second.composite.score[row]).toBeNaN();
          else expect(second.composite.score[row]).toBeCloseTo(s, 9);
        });
      }),
      { numRuns: 60 },
    );
  });
});
