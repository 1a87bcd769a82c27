/** Ordering findings by where they sit in the file, so "first" and "second" mean what a reader sees. */
import type { SourceLocation } from '../../diagnostics/diagnostic.js';

/** Negative when `a` comes before `b` in the file, positive after, 0 at the same place. */
export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
