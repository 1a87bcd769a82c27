/** The shape of every `dgmi compare --format …` output: a comparison (regions, periods or groups) to text. */
import type { GroupComparison } from '../../analyse/compare-groups.js';
import type { PeriodComparison } from '../../analyse/compare-periods.js';
import type { RegionComparison } from '../../analyse/compare-regions.js';
import type { FormatOptions, Formatter } from '../formatter.js';

/** The result of one `dgmi compare` run, whichever mode it was. */
export type Comparison = RegionComparison | PeriodComparison | GroupComparison;

export type CompareFormatOptions = FormatOptions;

export type CompareFormatter = Formatter<Comparison>;
