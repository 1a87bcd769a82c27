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
 * Sorts the present (non-NaN) values of `column` among `rows`, ascending, with their rows.
 * Stable: equal values keep their order in `rows`. Up to {@link SMALL_SORT} values by
 * insertion; above, by the high 32 bits of each double first ({@link sortByHighWord}), then by
 * the whole value within runs that share those bits — and should those runs be long (values
 * that differ only far down their mantissa), by a radix sort on all 64 bits instead.
 */
export function sortPresentRows(column: Float64Array, rows: Uint32Array): SortedRows {
  const present = new Float64Array(rows.length);
  const ids = new Uint32Array(rows.length);
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
  const order = sortByHighWord(present, n);
  if (!settleRunsOfEqualHighWords(order, present)) return radixSorted(column, present, ids, n);
  const sortedRows = new Uint32Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = ids[order[k]!]!;
    sortedRows[k] = row;
    values[k] = column[row]!;
  }
  return { values, rows: sortedRows };
}

/** Whether this machine stores the low 32-bit word of a double first. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Positions 0 … n − 1 of `present` (no NaN, no −0), stably sorted by the high 32-bit word of
 * each double (sign, exponent, the top 20 bits of the mantissa), mapped to an unsigned integer
 * that orders like the doubles. An LSD radix sort in three passes of 11, 11 and 10 bits that
 * moves two arrays, where the full sort takes up to eight passes moving three: at 40,000
 * scores (township scale) it is what ranking every node spends most of its time on.
 */
function sortByHighWord(present: Float64Array, n: number): Uint32Array {
  const words = new Uint32Array(present.buffer, 0, 2 * n);
  const high = LITTLE_ENDIAN ? 1 : 0;
  let keys = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const word = words[2 * k + high]!;
    // Flip every bit of a negative, the sign bit of a positive: unsigned order = numeric order.
    keys[k] = (word & 0x80000000) !== 0 ? ~word >>> 0 : (word | 0x80000000) >>> 0;
    order[k] = k;
  }
  let otherKeys = new Uint32Array(n);
  let otherOrder = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (const [shift, mask] of HIGH_WORD_DIGITS) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[k]! >>> shift) & mask]!++;
    let running = 0;
    let isTrivial = false;
    for (let b = 0; b <= mask; b++) {
      const c = counts[b]!;
      if (c === n) isTrivial = true;
      counts[b] = running;
      running += c;
    }
    // Every key has the same digit here: the pass would not move anything.
    if (isTrivial) continue;
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      const digit = (key >>> shift) & mask;
      const at = counts[digit]!;
      counts[digit] = at + 1;
      otherKeys[at] = key;
      otherOrder[at] = order[k]!;
    }
    [keys, otherKeys] = [otherKeys, keys];
    [order, otherOrder] = [otherOrder, order];
  }
  return order;
}

/** The digits of the high-word sort, least significant first: [shift, mask]. */
const HIGH_WORD_DIGITS: readonly (readonly [number, number])[] = [
  [0, 0x7ff],
  [11, 0x7ff],
  [22, 0x3ff],
];

/**
 * Within each run of `order` whose doubles share their high word, sorts the run by the whole
 * value (insertion, stable: strictly greater moves). Two doubles with the same high word have
 * the same sign, so comparing them as numbers orders them as their low words do. Returns false,
 * leaving `order` part-sorted, once the insertion has shifted more than the number of values:
 * then many values differ only in their low word, and the full radix sort is the linear way.
 */
function settleRunsOfEqualHighWords(order: Uint32Array, present: Float64Array): boolean {
  const n = order.length;
  const words = new Uint32Array(present.buffer, 0, 2 * present.length);
  const high = LITTLE_ENDIAN ? 1 : 0;
  let budget = n;
  let start = 0;
  while (start < n) {
    const word = words[2 * order[start]! + high]!;
    let end = start + 1;
    while (end < n && words[2 * order[end]! + high]! === word) end++;
    for (let k = start + 1; k < end; k++) {
      const p = order[k]!;
      const x = present[p]!;
      let j = k - 1;
      while (j >= start && present[order[j]!]! > x) {
        order[j + 1] = order[j]!;
        j--;
        if (--budget < 0) return false;
      }
      order[j + 1] = p;
    }
    start = end;
  }
  return true;
}

/**
 * The full sort: an LSD radix sort on all 64 bits of each double (8 passes of one byte,
 * skipping bytes every key shares). Linear, stable, and without the data-dependent branches
 * that make comparison sorts of random doubles slow.
 */
function radixSorted(column: Float64Array, present: Float64Array, presentIds: Uint32Array, n: number): SortedRows {
  // The two 32-bit halves of each double (little-endian: low word first), mapped to unsigned
  // integers that order like the doubles: flip every bit of a negative, the sign bit of a positive.
  const words = new Uint32Array(present.buffer, 0, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const low = words[LITTLE_ENDIAN ? 2 * k : 2 * k + 1]!;
    const high = words[LITTLE_ENDIAN ? 2 * k + 1 : 2 * k]!;
    const negative = (high & 0x80000000) !== 0;
    lo[k] = negative ? ~low >>> 0 : low;
    hi[k] = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
  }
  // A copy: the caller's ids stay as they were.
  let ids = presentIds.slice(0, n);

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
 * Up to this many values, an insertion sort: the radix sorts' fixed cost (histograms of 2,048
 * or 256 buckets and their offsets) is thousands of steps, and a province-level run sorts a few
 * dozen values per period for every node and indicator — most of its scoring time, in code
 * still cold. Every sort here is stable and orders doubles alike, so the result is the same.
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
