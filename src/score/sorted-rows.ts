/**
 * The present values of a column among some rows, sorted ascending together with their rows.
 * Percentile ranks (normalise) and competition ranks (rank) both come from one linear sweep
 * over runs of equal values in this order, instead of a binary search per row.
 */

export interface SortedRows {
  /** Present values, ascending. */
  readonly values: Float64Array;
  /** `rows[k]` is the row that holds `values[k]`; equal values keep their row order. */
  readonly rows: Uint32Array;
}

/**
 * Sorts the present (non-NaN) values of `column` among `rows`, ascending, with their rows. An
 * LSD radix sort on the IEEE-754 bits (8 passes of one byte, skipping bytes every key shares):
 * linear, stable, and without the data-dependent branches that make comparison sorts of random
 * doubles slow.
 */
export function sortPresentRows(column: Float64Array, rows: Uint32Array): SortedRows {
  const present = new Float64Array(rows.length);
  let ids = new Uint32Array(rows.length);
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const x = column[row]!;
    if (x === x) {
      present[n] = x === 0 ? 0 : x; // −0 and +0 are one value
      ids[n] = row;
      n++;
    }
  }
  if (n <= SMALL_SORT) return insertionSorted(column, present, ids, n);
  // The two 32-bit halves of each double (little-endian: low word first), mapped to unsigned
  // integers that order like the doubles: flip every bit of a negative, the sign bit of a positive.
  const words = new Uint32Array(present.buffer, 0, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  for (let k = 0; k < n; k++) {
    const low = words[littleEndian ? 2 * k : 2 * k + 1]!;
    const high = words[littleEndian ? 2 * k + 1 : 2 * k]!;
    const negative = (high & 0x80000000) !== 0;
    lo[k] = negative ? ~low >>> 0 : low;
    hi[k] = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
  }
  ids = ids.subarray(0, n);

  // All eight byte histograms in one pass, so passes where every key has the same byte are skipped.
  const counts = new Uint32Array(8 * 256);
  for (let k = 0; k < n; k++) {
    const l = lo[k]!;
    const h = hi[k]!;
    counts[l & 0xff]!++;
    counts[256 + ((l >>> 8) & 0xff)]!++;
    counts[512 + ((l >>> 16) & 0xff)]!++;
    counts[768 + (l >>> 24)]!++;
    counts[1024 + (h & 0xff)]!++;
    counts[1280 + ((h >>> 8) & 0xff)]!++;
    counts[1536 + ((h >>> 16) & 0xff)]!++;
    counts[1792 + (h >>> 24)]!++;
  }
  let otherLo = new Uint32Array(n);
  let otherHi = new Uint32Array(n);
  let otherIds = new Uint32Array(n);
  const offsets = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    let trivial = false;
    let running = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b]!;
      if (c === n) trivial = true;
      offsets[b] = running;
      running += c;
    }
    if (trivial) continue;
    const digits = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    for (let k = 0; k < n; k++) {
      const b = (digits[k]! >>> shift) & 0xff;
      const at = offsets[b]!;
      offsets[b] = at + 1;
      otherLo[at] = lo[k]!;
      otherHi[at] = hi[k]!;
      otherIds[at] = ids[k]!;
    }
    [lo, otherLo] = [otherLo, lo];
    [hi, otherHi] = [otherHi, hi];
    [ids, otherIds] = [otherIds, ids];
  }
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = column[ids[k]!]!;
  return { values, rows: ids };
}

/**
 * Up to this many values, an insertion sort: the radix sort's fixed cost (eight 256-bucket
 * histograms and their offsets) is thousands of steps, and a province-level run sorts a few
 * dozen values per period for every node and indicator — most of its scoring time, in code
 * still cold. Both sorts are stable and order doubles alike, so the result is the same.
 */
const SMALL_SORT = 64;

function insertionSorted(column: Float64Array, present: Float64Array, ids: Uint32Array, n: number): SortedRows {
  for (let k = 1; k < n; k++) {
    const x = present[k]!;
    const id = ids[k]!;
    let j = k - 1;
    // Strictly greater moves right, so equal values keep their row order.
    while (j >= 0 && present[j]! > x) {
      present[j + 1] = present[j]!;
      ids[j + 1] = ids[j]!;
      j--;
    }
    present[j + 1] = x;
    ids[j + 1] = id;
  }
  const rows = ids.slice(0, n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = column[rows[k]!]!;
  return { values, rows };
}

/**
 * Calls `visit(start, end)` for every run of equal values in ascending `sorted`
 * (`sorted[start] === … === sorted[end − 1]`).
 */
export function forEachTieRun(sorted: Float64Array, visit: (start: number, end: number) => void): void {
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    visit(start, end);
    start = end;
  }
}
