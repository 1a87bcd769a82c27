/**
 * The Theil index (GE(1)) of a set of scores and its exact decomposition into inequality
 * between groups and within them:
 *
 *   T = (1/n) Σᵢ (yᵢ/μ) ln(yᵢ/μ),          with 0 · ln 0 = 0
 *   T = T_between + T_within
 *   T_between = Σ_g s_g ln(μ_g/μ),   T_within = Σ_g s_g T_g,   s_g = (n_g μ_g)/(n μ)
 *
 * s_g is group g's share of the total score. Theil is used (rather than the Gini) because it is
 * additively decomposable, which is the question a regional comparison asks: how much of the
 * spread is east versus west, and how much is inside each.
 */

export interface GroupTheil {
  readonly group: string;
  readonly n: number;
  readonly mean: number;
  /** s_g = (n_g μ_g)/(n μ): the group's share of the total score. */
  readonly share: number;
  /** T_g: the Theil index among the group's own values. */
  readonly theil: number;
  /** s_g · ln(μ_g/μ): the group's term of T_between. */
  readonly between: number;
  /** s_g · T_g: the group's term of T_within. */
  readonly within: number;
}

export interface TheilDecomposition {
  readonly n: number;
  readonly mean: number;
  readonly total: number;
  readonly between: number;
  readonly within: number;
  /** between / total; NaN when total is 0 (no inequality to share out). */
  readonly betweenShare: number;
  readonly withinShare: number;
  /** One entry per group, in the order the groups were first seen. */
  readonly groups: readonly GroupTheil[];
}

/** x ln x with the limit 0 at x = 0. */
function xLogX(x: number): number {
  return x === 0 ? 0 : x * Math.log(x);
}

/**
 * The Theil index of `values`. NaN when there is no value, a value is negative or NaN, or the
 * mean is 0 (every yᵢ/μ is then undefined).
 */
export function theilIndex(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (const y of values) {
    if (!(y >= 0)) return NaN;
    sum += y;
  }
  const mu = sum / n;
  if (mu === 0) return NaN;
  let total = 0;
  for (const y of values) total += xLogX(y / mu);
  // Rounding can leave −1e-17 for equal values; the index is never negative.
  return Math.max(0, total / n);
}

/**
 * Theil index of `values` and its between/within decomposition by `groupOf` (one label per
 * value, same order). Total is computed directly, not as between + within, so the identity is a
 * real check on the arithmetic. A group whose mean is 0 has share 0 and contributes 0 to both
 * parts (the limit of s_g ln(μ_g/μ) as μ_g → 0). Every number is NaN when `theilIndex` is.
 *
 * @throws Error when `values` and `groupOf` differ in length (a programmer error).
 */
export function theilDecomposition(values: readonly number[], groupOf: readonly string[]): TheilDecomposition {
  if (values.length !== groupOf.length) {
    throw new Error(`theilDecomposition: ${values.length} values but ${groupOf.length} group labels`);
  }
  const n = values.length;
  const total = theilIndex(values);
  const byGroup = new Map<string, number[]>();
  values.forEach((y, i) => {
    const label = groupOf[i] ?? '';
    const members = byGroup.get(label);
    if (members) members.push(y);
    else byGroup.set(label, [y]);
  });
  const mu = n === 0 ? NaN : values.reduce((a, b) => a + b, 0) / n;
  const defined = !Number.isNaN(total);

  const groups: GroupTheil[] = [...byGroup].map(([group, members]) => {
    const groupMean = members.reduce((a, b) => a + b, 0) / members.length;
    if (!defined) return { group, n: members.length, mean: groupMean, share: NaN, theil: NaN, between: NaN, within: NaN };
    const share = (members.length * groupMean) / (n * mu);
    // An all-zero group: T_g is 0/0, but its share is 0, so both of its terms vanish.
    const theil = groupMean === 0 ? 0 : theilIndex(members);
    return {
      group,
      n: members.length,
      mean: groupMean,
      share,
      theil,
      between: share === 0 ? 0 : share * Math.log(groupMean / mu),
      within: share * theil,
    };
  });
  const between = defined ? groups.reduce((a, g) => a + g.between, 0) : NaN;
  const within = defined ? groups.reduce((a, g) => a + g.within, 0) : NaN;
  return {
    n,
    mean: mu,
    total,
    between,
    within,
    betweenShare: defined && total > 0 ? between / total : NaN,
    withinShare: defined && total > 0 ? within / total : NaN,
    groups,
  };
}
