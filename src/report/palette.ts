/**
 * Colour as a value: formatters receive a Palette and never decide colour themselves. The CLI
 * builds a chalk palette (or `plainPalette` under NO_COLOR / --no-color / not a TTY), so plain
 * output is byte-for-byte deterministic in tests.
 */
export interface Palette {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly info: (s: string) => string;
  readonly success: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly heading: (s: string) => string;
  /** Colour for tier `levelIndex` (0 = best); -1 for untiered. */
  readonly tier: (levelIndex: number, s: string) => string;
  /** A positive change (rank up, score up) and a negative one. */
  readonly up: (s: string) => string;
  readonly down: (s: string) => string;
}

const identity = (s: string): string => s;

export const plainPalette: Palette = {
  error: identity,
  warning: identity,
  info: identity,
  success: identity,
  dim: identity,
  bold: identity,
  heading: identity,
  tier: (_levelIndex, s) => s,
  up: identity,
  down: identity,
};
