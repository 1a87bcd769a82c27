/**
 * The one shape every `dgmi compare --format …` output has: a pure function from a comparison
 * (regions, periods or groups) to text. Like the score formatters they never print, decide
 * colour, or set the exit code.
 */
import type { GroupComparison } from '../../analyse/compare-groups.js';
import type { PeriodComparison } from '../../analyse/compare-periods.js';
import type { RegionComparison } from '../../analyse/compare-regions.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../model/i18n.js';
import type { Palette } from '../palette.js';

/** The result of one `dgmi compare` run, whichever mode it was. */
export type Comparison = RegionComparison | PeriodComparison | GroupComparison;

export interface CompareFormatOptions {
  /** Language of headings, labels, tier and group names, and diagnostic messages. */
  readonly lang: Lang;
  /** Colour for the terminal table; the other formats are colourless and ignore it. */
  readonly palette: Palette;
  /** dgmi's own version, for provenance notes. */
  readonly toolVersion: string;
  /** Every finding of the run (loading, scoring, the analysis), for the JSON document. */
  readonly diagnostics?: readonly Diagnostic[] | undefined;
  /** Prepend U+FEFF so Excel reads UTF-8 (CSV only). */
  readonly bom?: boolean | undefined;
}

export type CompareFormatter = (comparison: Comparison, options: CompareFormatOptions) => string;
