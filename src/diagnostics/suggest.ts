/**
 * "Did you mean …?" — the nearest candidate by edit distance, or nothing when every candidate
 * is too far off to be a typo (a suggestion that is wrong is worse than none). Comparison is
 * case-insensitive and width-insensitive (NFKC: full-width `ＩＤ` matches `id`).
 */
import { distance } from 'fastest-levenshtein';

function comparable(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

function isAnagram(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

export function suggestClosest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = comparable(input);
  if (needle === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = comparable(candidate);
    // Swapped letters (`mni` for `min`) are the commonest typo; count them as one edit.
    const d = isAnagram(needle, other) ? Math.min(1, distance(needle, other)) : distance(needle, other);
    // About one edit per three characters of the longer text, at least one: `rnak` → `rank`, `foo` ↛ `rank`.
    const allowed = Math.max(1, Math.floor(Math.max(needle.length, other.length) / 3));
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
