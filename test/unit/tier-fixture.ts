/**
 * The framework the tier tests share: two dimensions, org and svc, one indicator each. Tier rules
 * only read scores, ranks and percentiles, so the tests write those by hand instead of scoring.
 */
import type { FrameworkInput } from '../../src/model/framework.js';
import type { NodeScores } from '../../src/model/score-table.js';

export const TWO_DIMENSIONS: FrameworkInput = {
  format: 'dgmi/1',
  id: 'tier-test',
  name: { en: 'Tier test' },
  dimensions: [
    { id: 'org', name: { en: 'Organization' }, indicators: [{ id: 'cdo', name: { en: 'CDO' } }] },
    { id: 'svc', name: { en: 'Services' }, indicators: [{ id: 'online', name: { en: 'Online' } }] },
  ],
};

/** One row's (score, rank, percentile) of a node; NaN where the node is unscored. */
export type Triple = readonly [score: number, rank: number, percentile: number];

export const UNSCORED: Triple = [Number.NaN, Number.NaN, Number.NaN];

/** A node's columns from one triple per row (contribution is not read by tiers: NaN). */
export function nodeScores(triples: readonly Triple[]): NodeScores {
  return {
    score: Float64Array.from(triples.map((t) => t[0])),
    rank: Float64Array.from(triples.map((t) => t[1])),
    percentile: Float64Array.from(triples.map((t) => t[2])),
    contribution: new Float64Array(triples.length).fill(Number.NaN),
  };
}
