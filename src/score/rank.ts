/**
 * Competition ranks (1, 2, 2, 4) and percentiles of a score column, within each period: each
 * period's scores are sorted once and ties are found in one sweep, which keeps ranking 40,000
 * regions cheap for every node.
 */
import { sortPresentRows } from './sorted-rows.js';

/**
 * For every row of every partition (period), writes into `rank` the competition rank of
 * `scores[row]` in descending order (1 + the number of strictly higher scores), and into
 * `percentile` the share of the partition's scored rows whose score is ≤ it (the top row gets
 * 1). A NaN score gets NaN for both and does not count towards anyone's rank.
 */
export function rankWithinPartitions(
  scores: Float64Array,
  partitions: readonly Uint32Array[],
  rank: Float64Array,
  percentile: Float64Array,
): void {
  for (const rows of partitions) {
    for (const row of rows) {
      rank[row] = NaN;
      percentile[row] = NaN;
    }
    const sorted = sortPresentRows(scores, rows);
    const values = sorted.values;
    const sortedRows = sorted.rows;
    const n = values.length;
    // Runs of equal scores, found inline rather than through forEachTieRun: its callback is
    // called once per distinct score (40,000 times per node at township scale).
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && values[end] === values[start]) end++;
      // `end` scores are ≤ this one, and n − end are strictly higher.
      const competitionRank = n - end + 1;
      const share = end / n;
      for (let k = start; k < end; k++) {
        const row = sortedRows[k]!;
        rank[row] = competitionRank;
        percentile[row] = share;
      }
      start = end;
    }
  }
}
