/**
 * The sampling design: which uniform numbers in [0, 1) replication `e` gets. Every replication
 * (or Saltelli base sample) draws from its own stream, seeded from (seed, index) alone, so the
 * numbers do not depend on which thread runs it or in what order — `--threads 1` and
 * `--threads 4` give the same bytes.
 *
 * Inputs are laid out per assumption: the weights take one number per perturbed weight, every
 * other assumption one number (its option). Under `sobol` the design is Saltelli's (2010): base
 * sample j draws rows A and B; its k + 2 replications are A, B, and for each assumption i the
 * row A with assumption i's numbers taken from B (A_B^(i)).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export interface DesignLayout {
  /** Numbers each assumption takes, in assumption order. */
  readonly widths: readonly number[];
  /** Where each assumption's numbers start in a row. */
  readonly offsets: readonly number[];
  /** Numbers per row. */
  readonly dimension: number;
}

export function designLayout(widths: readonly number[]): DesignLayout {
  const offsets: number[] = [];
  let dimension = 0;
  for (const width of widths) {
    offsets.push(dimension);
    dimension += width;
  }
  return { widths, offsets, dimension };
}

/** Replications a run makes: `runs` for an uncertainty analysis, N × (k + 2) for Saltelli's design. */
export function evaluationCount(method: 'uncertainty' | 'sobol', runs: number, assumptions: number): number {
  return method === 'sobol' ? runs * (assumptions + 2) : runs;
}

/**
 * murmur3's 32-bit finaliser: spreads (seed, index) over the generator's 128-bit state, so
 * neighbouring indices start far apart rather than from near-identical states.
 */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random stream of item `index` (a replication, a base sample, the bootstrap) under `seed`:
 * xoroshiro128+ (pure-rand) from a state hashed from both. `salt` separates uses of one index.
 */
export function streamOf(seed: number, index: number, salt = 0): RandomGenerator {
  const high = Math.floor(index / 0x100000000);
  const a = mix32(seed ^ 0x9e3779b9);
  const b = mix32((index >>> 0) ^ a);
  const c = mix32(high ^ salt ^ mix32(b + 0x7f4a7c15));
  const d = mix32(a ^ b ^ c ^ 0x6a09e667);
  // xoroshiro's state must not be all zero; forcing one bit costs one bit of 128.
  return xoroshiro128plusFromState([a | 0, b | 0, c | 0, (d | 1) | 0]);
}

/** Fills `out` with uniforms in [0, 1) from `rng`. */
export function fillUniform(rng: RandomGenerator, out: Float64Array, from = 0, to = out.length): void {
  for (let i = from; i < to; i++) out[i] = uniformFloat64(rng);
}

/**
 * The input row of replication `e` into `out` (length `layout.dimension`); `scratch` must hold
 * 2 × dimension numbers (Saltelli's A and B).
 */
export function designRow(method: 'uncertainty' | 'sobol', seed: number, layout: DesignLayout, e: number, out: Float64Array, scratch: Float64Array): void {
  const d = layout.dimension;
  if (method === 'uncertainty') {
    fillUniform(streamOf(seed, e), out, 0, d);
    return;
  }
  const k = layout.widths.length;
  const j = Math.floor(e / (k + 2));
  const m = e - j * (k + 2);
  fillUniform(streamOf(seed, j), scratch, 0, 2 * d);
  for (let x = 0; x < d; x++) out[x] = scratch[(m === 1 ? d : 0) + x]!;
  if (m >= 2) {
    const i = m - 2;
    const from = layout.offsets[i]!;
    const to = from + layout.widths[i]!;
    for (let x = from; x < to; x++) out[x] = scratch[d + x]!;
  }
}

/** The option an assumption takes for uniform `u`: each of `count` options with probability 1/count. */
export function optionOf(u: number, count: number): number {
  const i = Math.floor(u * count);
  return i < count ? i : count - 1;
}
