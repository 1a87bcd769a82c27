/**
 * Colour is decided here and nowhere else. chalk ignores NO_COLOR, so we map it (and
 * --no-color, and a non-terminal stream) to level 0 ourselves; FORCE_COLOR wins over the TTY test.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Palette } from '../report/palette.js';
import { plainPalette } from '../report/palette.js';

export type ColourLevel = 0 | 1 | 2 | 3;

export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean, noColorFlag: boolean): ColourLevel {
  if (noColorFlag) return 0;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as ColourLevel) : 1;
  }
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  const colorterm = env['COLORTERM'] ?? '';
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  return /256/.test(env['TERM'] ?? '') ? 2 : 1;
}

/** Tier colours, best first: leading green, quality blue, distinctive yellow, developing grey. */
const TIER_STYLES: readonly ((c: ChalkInstance) => ChalkInstance)[] = [
  (c) => c.bold.green,
  (c) => c.blue,
  (c) => c.yellow,
  (c) => c.gray,
  (c) => c.magenta,
  (c) => c.cyan,
];

export function chalkPalette(level: ColourLevel): Palette {
  if (level === 0) return plainPalette;
  const c = new Chalk({ level });
  return {
    error: (s) => c.red(s),
    warning: (s) => c.yellow(s),
    info: (s) => c.cyan(s),
    success: (s) => c.green(s),
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
    heading: (s) => c.bold.underline(s),
    tier: (index, s) => (index < 0 ? s : (TIER_STYLES[index % TIER_STYLES.length] ?? ((x: ChalkInstance) => x))(c)(s)),
    up: (s) => c.green(s),
    down: (s) => c.red(s),
  };
}
