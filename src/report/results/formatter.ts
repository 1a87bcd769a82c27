/**
 * The one shape every `dgmi score --format …` output has: a pure function from a score table
 * to text. Formatters never print, decide colour, or set the exit code; the CLI does.
 */
import type { Lang } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { Palette } from '../palette.js';
import type { ResultDetail } from './detail.js';

export interface ResultFormatOptions {
  /** Language of headers, tier and group names, and diagnostic messages. */
  readonly lang: Lang;
  /** Colour for the terminal table; the other formats are colourless and ignore it. */
  readonly palette: Palette;
  /** dgmi's own version, for provenance notes. */
  readonly toolVersion: string;
  /** Only this period (`--period`). */
  readonly period?: string | undefined;
  /** Only the first N rows of each period (`--top`). */
  readonly top?: number | undefined;
  /** Prepend U+FEFF so Excel reads UTF-8 (CSV only). */
  readonly bom?: boolean | undefined;
  /** How much of each result json, ndjson, csv and parquet carry (`--detail`); each format's own default when absent. */
  readonly detail?: ResultDetail | undefined;
}

export type ResultFormatter = (table: ScoreTable, options: ResultFormatOptions) => string;
