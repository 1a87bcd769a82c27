/**
 * The replication's aggregation kernel: the engine's `aggregateGroup` (src/score/aggregate.ts)
 * fused into one pass over the rows, with nothing allocated. The engine walks child by child
 * (one typed-array pass per child, then a final pass) and allocates two range columns per call;
 * in a replication that is most of the work. Here each row's accumulator, present-share sum and
 * range are locals, updated child by child in the engine's child order with the engine's
 * operations, so every row gets the same floating-point operations in the same order — and the
 * same bits (the fast-check property in test/properties/sensitivity-fused.test.ts holds this).
 */
import type { AggregateMethod } from '../../model/framework.js';

/** The methods the kernel computes; TOPSIS and grey relational go through the weighting step. */
export type FusedMethod = Exclude<AggregateMethod, 'topsis' | 'grey-relational'>;

/**
 * Aggregates `columns` (NaN = missing) with `shares` into `out`, as `aggregateGroup(method, …)`
 * does: arithmetic Σ wᵢxᵢ/Σw, geometric exp(Σ wᵢ ln xᵢ/Σw), harmonic Σw/Σ(wᵢ/xᵢ), each clamped to
 * the present children's range; minimum the smallest present child. No present child, or a
 * negative child under a geometric or harmonic mean: NaN. A zero child under those: 0.
 * `logs[c]`, when given, holds `Math.log` of column c row by row (the same call, so the same
 * bits): a geometric mean then reads it instead of taking the logarithm again.
 */
export function aggregateFused(
  method: FusedMethod,
  columns: readonly Float64Array[],
  shares: Float64Array,
  out: Float64Array,
  logs?: readonly (Float64Array | undefined)[],
): void {
  const n = out.length;
  const k = columns.length;
  switch (method) {
    case 'arithmetic':
      for (let row = 0; row < n; row++) {
        let acc = 0;
        let total = 0;
        let low = Infinity;
        let high = -Infinity;
        for (let c = 0; c < k; c++) {
          const x = columns[c]![row]!;
          if (x < low) low = x;
          if (x > high) high = x;
          if (x !== x) continue;
          const share = shares[c]!;
          acc += share * x;
          total += share;
        }
        out[row] = total > 0 ? Math.min(Math.max(acc / total, low), high) : NaN;
      }
      return;
    case 'geometric':
    case 'harmonic': {
      const isGeometric = method === 'geometric';
      const zeroMark = isGeometric ? -Infinity : Infinity;
      for (let row = 0; row < n; row++) {
        let acc = 0;
        let total = 0;
        let low = Infinity;
        let high = -Infinity;
        let isNegative = false;
        for (let c = 0; c < k; c++) {
          const x = columns[c]![row]!;
          if (x < low) low = x;
          if (x > high) high = x;
          if (x !== x) continue;
          const share = shares[c]!;
          total += share;
          if (x > 0) {
            if (isGeometric) {
              const known = logs?.[c];
              acc += share * (known === undefined ? Math.log(x) : known[row]!);
            } else acc += share / x;
          }
          else if (x === 0) acc = zeroMark;
          else isNegative = true;
        }
        if (!(total > 0) || isNegative) out[row] = NaN;
        else if (acc === zeroMark) out[row] = 0;
        else out[row] = Math.min(Math.max(isGeometric ? Math.exp(acc / total) : total / acc, low), high);
      }
      return;
    }
    case 'minimum':
      for (let row = 0; row < n; row++) {
        let min = Infinity;
        let total = 0;
        for (let c = 0; c < k; c++) {
          const x = columns[c]![row]!;
          if (x !== x) continue;
          total += shares[c]!;
          if (x < min) min = x;
        }
        out[row] = total > 0 ? min : NaN;
      }
      return;
  }
}

/** `Math.log` of every value (NaN, −∞ and NaN where the kernel never reads them: missing, zero, negative). */
export function logColumn(column: Float64Array): Float64Array {
  const out = new Float64Array(column.length);
  for (let row = 0; row < column.length; row++) out[row] = Math.log(column[row]!);
  return out;
}
