/**
 * "Did you mean …?" — the nearest candidate by edit distance, or nothing when every candidate
 * is too far off to be a typo (a suggestion that is wrong is worse than none).
 */
import { distance } from 'fastest-levenshtein';

export function suggestClosest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // Swapped letters (`mni` for `min`) are the commonest typo; count them as one edit.
    const d = isAnagram(needle, lower) ? Math.min(1, distance(needle, lower)) : distance(needle, lower);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Allow about one edit per three characters, at least one, so `rnak` → `rank` but `foo` ↛ `rank`.
  const tolerance = Math.max(1, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

function isAnagram(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}
