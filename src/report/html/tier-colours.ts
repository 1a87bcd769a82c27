/** Tier colours for charts and table cells: the framework's own (`color`), else a palette best first. */
import type { ResolvedFramework } from '../../model/resolved.js';
import { safeColour } from './escape.js';

/** Best tier first; colour-blind-safe hues (Okabe–Ito), dark enough for white text. */
const DEFAULT_TIER_COLOURS = ['#007a5a', '#0072b2', '#b35900', '#8a5a9e', '#6b6b6b', '#a08000'] as const;

/** Colour of regions with no tier (unscored, or no level matched). */
export const UNTIERED_COLOUR = '#9e9e9e';

/** One `#rrggbb` per tier level, in level order. */
export function tierColours(framework: ResolvedFramework): string[] {
  return (framework.tiers?.levels ?? []).map((level, i) => safeColour(level.color, DEFAULT_TIER_COLOURS[i % DEFAULT_TIER_COLOURS.length] ?? UNTIERED_COLOUR));
}

export function tierColour(colours: readonly string[], level: number): string {
  return level >= 0 ? (colours[level] ?? UNTIERED_COLOUR) : UNTIERED_COLOUR;
}
