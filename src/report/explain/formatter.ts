/** The shape of every `dgmi explain --format …` output: an explanation to text. */
import type { Explanation } from '../../analyse/explain.js';
import type { FormatOptions, Formatter } from '../formatter.js';

export type ExplainFormatOptions = FormatOptions;

export type ExplainFormatter = Formatter<Explanation>;
