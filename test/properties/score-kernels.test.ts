/**
 * The scoring kernels rewritten for speed at township scale give exactly — bit for bit, NaN and
 * −0 included — what they gave before (test/fixtures/score-reference/kernels-before.ts): for
 * any column with missing values, ties, ±0, ±∞ and any double, any subset of rows, every
 * normalisation method and direction, every aggregation method with fixed or per-row shares.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregateMethod, Direction } from '../../src/model/framework.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { Normalise } from '../../src/model/resolved.js';
import { aggregateGroup, type AggregateChild } from '../../src/score/aggregate.js';
import { canonicalRows } from '../../src/score/canonical-rows.js';
import { childEffectiveWeight } from '../../src/score/effective-weight.js';
import { normaliseColumn } from '../../src/score/normalise.js';
import { reportingOrder } from '../../src/score/order.js';
import { allRows, partitionRows } from '../../src/score/partition.js';
import { rankWithinPartitions } from '../../src/score/rank.js';
import { sortPresentRows } from '../../src/score/sorted-rows.js';
import {
  referenceAggregateGroup,
  referenceCanonicalOrder,
  referenceChildEffectiveWeight,
  referenceNormaliseColumn,
  referenceRankWithinPartitions,
  referenceReportingOrder,
  referenceSortPresentRows,
} from '../fixtures/score-reference/kernels-before.js';

/** Few distinct values, so ties and constant columns are common; plus any double. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -0, 1, 2.5, 40, 100, Number.NaN) },
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
  { weight: 3, arbitrary: fc.double() },
);

/** A column and a subset of its rows (ascending, as a partition's rows are, or in any order). */
const columnAndRows = fc.array(cell, { minLength: 1, maxLength: 150 }).chain((column) =>
  fc.tuple(
    fc.constant(column),
    fc.oneof(
      fc.constant([...column.keys()]),
      fc.subarray([...column.keys()]),
      fc.shuffledSubarray([...column.keys()], { minLength: 0, maxLength: column.length }),
    ),
  ),
);

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const normalise: fc.Arbitrary<Normalise> = fc.oneof(
  fc.constant({ method: 'minmax' as const }),
  fc.record({ method: fc.constant('goalpost' as const), min: finite, max: finite, clip: fc.boolean() }),
  fc.record({ method: fc.constant('zscore' as const), rescale: fc.constantFrom('minmax' as const, 'none' as const) }),
  fc.constant({ method: 'rank' as const }),
  fc.record({ method: fc.constant('target' as const), target: fc.oneof(finite, fc.constant(50)) }),
  fc.constant({ method: 'none' as const }),
);
const direction = fc.constantFrom<Direction>('positive', 'negative');

/** Each element compared with Object.is: NaN equals NaN, −0 differs from +0. */
function bits(array: Float64Array | Uint8Array): string[] {
  return Array.from(array, (x) => (Object.is(x, -0) ? '-0' : String(x)));
}

describe('normaliseColumn', () => {
  it('writes the same bits and reports the same outcome as before, for every method and direction', () => {
    fc.assert(
      fc.property(columnAndRows, normalise, direction, fc.constantFrom(1, 100), ([column, rows], spec, dir, scale) => {
        const values = Float64Array.from(column);
        const rowList = Uint32Array.from(rows);
        // Out starts as a copy of the values, as the engine normalises in place.
        const fast = Float64Array.from(column);
        const before = Float64Array.from(column);
        const fastOutcome = normaliseColumn(values, rowList, spec, dir, scale, fast);
        const beforeOutcome = referenceNormaliseColumn(values, rowList, spec, dir, scale, before);
        expect(fastOutcome).toEqual(beforeOutcome);
        expect(bits(fast)).toEqual(bits(before));
      }),
      { numRuns: 600 },
    );
  });

  it('gives the same bits when writing over its input, as the engine calls it', () => {
    fc.assert(
      fc.property(columnAndRows, normalise, direction, ([column, rows], spec, dir) => {
        const fast = Float64Array.from(column);
        const before = Float64Array.from(column);
        normaliseColumn(fast, Uint32Array.from(rows), spec, dir, 100, fast);
        referenceNormaliseColumn(before, Uint32Array.from(rows), spec, dir, 100, before);
        expect(bits(fast)).toEqual(bits(before));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Values that share the high 32 bits of their double (sign, exponent, top 20 mantissa bits) and
 * differ below: 1 + k·2⁻⁴⁰ and −(1 + k·2⁻⁴⁰) for small k — the runs the high-word sort leaves to
 * be settled value by value — mixed with ordinary values, ties, ±0, ±∞ and NaN.
 */
const sameHighWord = fc.integer({ min: 0, max: 40 }).map((k) => 1 + k * 2 ** -40);
const sortCell = fc.oneof(cell, sameHighWord, sameHighWord.map((x) => -x));

describe('sortPresentRows', () => {
  it('gives the same rows and values as the 64-bit radix sort it replaced, above and below the insertion limit', () => {
    fc.assert(
      fc.property(
        fc.array(sortCell, { minLength: 1, maxLength: 400 }).chain((column) =>
          fc.tuple(fc.constant(column), fc.shuffledSubarray([...column.keys()], { minLength: 0, maxLength: column.length })),
        ),
        ([column, rows]) => {
          const values = Float64Array.from(column);
          const fast = sortPresentRows(values, Uint32Array.from(rows));
          const before = referenceSortPresentRows(values, Uint32Array.from(rows));
          expect(Array.from(fast.rows)).toEqual(Array.from(before.rows));
          expect(bits(fast.values)).toEqual(bits(before.values));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same order when most values differ only in their low 32 bits (the full radix sort takes over)', () => {
    fc.assert(
      fc.property(fc.array(sameHighWord, { minLength: 65, maxLength: 500 }), (column) => {
        const values = Float64Array.from(column);
        const rows = allRows(column.length).reverse();
        const fast = sortPresentRows(values, rows);
        const before = referenceSortPresentRows(values, rows);
        expect(Array.from(fast.rows)).toEqual(Array.from(before.rows));
      }),
      { numRuns: 100 },
    );
  });
});

describe('rankWithinPartitions', () => {
  it('gives the same ranks and percentiles as before, over one or two partitions of the rows', () => {
    fc.assert(
      fc.property(columnAndRows, fc.boolean(), ([column, rows], split) => {
        const scores = Float64Array.from(column);
        const half = Math.floor(rows.length / 2);
        const partitions = split ? [Uint32Array.from(rows.slice(0, half)), Uint32Array.from(rows.slice(half))] : [Uint32Array.from(rows)];
        const run = (rank: typeof rankWithinPartitions) => {
          const ranks = new Float64Array(column.length).fill(7);
          const percentiles = new Float64Array(column.length).fill(7);
          rank(scores, partitions, ranks, percentiles);
          return { ranks: bits(ranks), percentiles: bits(percentiles) };
        };
        expect(run(rankWithinPartitions)).toEqual(run(referenceRankWithinPartitions));
      }),
      { numRuns: 400 },
    );
  });
});

/** 1–5 children over the same rows, each with a fixed share and optionally per-row shares. */
const children = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.array(
    fc.record({
      scores: fc.array(cell, { minLength: n, maxLength: n }),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
      rowShares: fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
);

describe('aggregateGroup', () => {
  it('gives the same scores, divisors and issue bits as before, for every method', () => {
    fc.assert(
      fc.property(children, fc.constantFrom<AggregateMethod>('arithmetic', 'geometric', 'harmonic', 'minimum'), (given, method) => {
        const inputs: AggregateChild[] = given.map((c) => ({
          scores: Float64Array.from(c.scores),
          share: c.share,
          ...(c.rowShares ? { rowShares: Float64Array.from(c.rowShares) } : {}),
        }));
        const n = given[0]!.scores.length;
        const run = (aggregate: typeof aggregateGroup) => {
          // Buffers start dirty: the kernel must set every element it reports.
          const buffers = { out: new Float64Array(n).fill(7), presentShare: new Float64Array(n).fill(7), issues: new Uint8Array(n) };
          aggregate(method, inputs, buffers);
          return { out: bits(buffers.out), presentShare: bits(buffers.presentShare), issues: bits(buffers.issues) };
        };
        expect(run(aggregateGroup)).toEqual(run(referenceAggregateGroup));
      }),
      { numRuns: 600 },
    );
  });
});

describe('childEffectiveWeight', () => {
  it('gives the same bits as before with a fixed share and with per-row shares', () => {
    const row = fc.record({ parent: fc.double({ min: 0, max: 1, noNaN: true }), divisor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })), score: cell, rowShare: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (rows, fixed, perRow) => {
        const parent = Float64Array.from(rows, (r) => r.parent);
        const divisor = Float64Array.from(rows, (r) => r.divisor);
        const scores = Float64Array.from(rows, (r) => r.score);
        const share = perRow ? Float64Array.from(rows, (r) => r.rowShare) : fixed;
        const fast = new Float64Array(rows.length);
        const before = new Float64Array(rows.length);
        childEffectiveWeight(parent, divisor, scores, share, fast);
        referenceChildEffectiveWeight(parent, divisor, scores, share, before);
        expect(bits(fast)).toEqual(bits(before));
      }),
      { numRuns: 400 },
    );
  });
});

/** A dataset of only the columns canonicalRows and partitionRows read. */
function datasetOf(period: string[], region: string[], excluded: number[] | undefined): Dataset {
  return {
    rowCount: period.length,
    region,
    name: region.map(() => ''),
    group: region.map(() => ''),
    period,
    values: [],
    sources: region.map((_, line) => ({ file: 'a.csv', line: line + 2 })),
    ...(excluded ? { excluded: Uint8Array.from(excluded) } : {}),
    inputs: [],
  };
}

const keyRows = fc.array(fc.record({ period: fc.constantFrom('2021', '2022', '2023', ''), region: fc.constantFrom('110000', '310000', '510000', 'b', 'B', '') }), {
  minLength: 0,
  maxLength: 80,
});

describe('canonicalRows', () => {
  it('equals sorting by period, region and position, whether or not the rows come in that order', () => {
    fc.assert(
      fc.property(keyRows, fc.boolean(), fc.boolean(), (rows, presort, withExcluded) => {
        // Half the cases come already in order (with duplicates kept), the shape the shortcut takes.
        const ordered = presort ? [...rows].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0)) : rows;
        const period = ordered.map((r) => r.period);
        const region = ordered.map((r) => r.region);
        const excluded = withExcluded ? ordered.map((_, i) => (i % 3 === 1 ? 1 : 0)) : undefined;
        const kept = allRows(ordered.length).filter((row) => excluded?.[row] !== 1);
        expect(Array.from(canonicalRows(datasetOf(period, region, excluded)))).toEqual(Array.from(referenceCanonicalOrder(period, region, kept)));
      }),
      { numRuns: 400 },
    );
  });
});

describe('reportingOrder', () => {
  it('equals the comparator sort it replaced: period, rank (NaN last), region, row', () => {
    const row = fc.record({
      period: fc.integer({ min: 0, max: 3 }),
      rank: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(Number.NaN, 1.5, -0, 0, Number.POSITIVE_INFINITY)),
      region: fc.constantFrom('110000', '310000', '510000', 'b', 'B', ''),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        const periodOf = Int32Array.from(rows, (r) => r.period);
        const rank = Float64Array.from(rows, (r) => r.rank);
        const region = rows.map((r) => r.region);
        expect(Array.from(reportingOrder(periodOf, rank, region))).toEqual(Array.from(referenceReportingOrder(periodOf, rank, region)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('partitionRows', () => {
  it('gives every row its label index and every label its rows, in runs of one label or mixed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('2021', '2022', '', 'x'), { maxLength: 60 }), fc.boolean(), (labels, inRuns) => {
        const column = inRuns ? [...labels].sort() : labels;
        const partition = partitionRows(column);
        const expectedLabels = [...new Set(column)].sort();
        expect(partition.labels).toEqual(expectedLabels);
        expect(Array.from(partition.labelOf)).toEqual(column.map((label) => expectedLabels.indexOf(label)));
        expect(partition.rows.map((rows) => Array.from(rows))).toEqual(expectedLabels.map((label) => [...column.keys()].filter((row) => column[row] === label)));
      }),
      { numRuns: 300 },
    );
  });
});
