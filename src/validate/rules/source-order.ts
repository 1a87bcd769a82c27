/**
 * Ordering findings by where they sit in the file, so "first" and "second" mean what a reader
 * sees. Object key order cannot be trusted for this: once the schema passes, rules see zod's
 * output, whose keys follow the schema's field order rather than the file's.
 */
import type { SourceLocation } from '../../diagnostics/diagnostic.js';

/** Negative when `a` comes before `b` in the file, positive after, 0 at the same place. */
export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** `items` sorted by where `at` places each in the file (stable for equal places). */
export function inFileOrder<T>(items: readonly T[], at: (item: T) => SourceLocation): T[] {
  return items
    .map((item) => ({ item, location: at(item) }))
    .sort((a, b) => compareLocations(a.location, b.location))
    .map(({ item }) => item);
}
