/**
 * The one shape every `dgmi explain --format …` output has: a pure function from an explanation
 * to text. Like the result formatters, they never print, decide colour or set the exit code.
 */
import type { Explanation } from '../../analyse/explain.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../model/i18n.js';
import type { Palette } from '../palette.js';

export interface ExplainFormatOptions {
  /** Language of labels, sentences, tier names and diagnostic messages. */
  readonly lang: Lang;
  /** Colour for the terminal table; the other formats ignore it. */
  readonly palette: Palette;
  /** dgmi's own version, for provenance notes. */
  readonly toolVersion: string;
  /** Findings of the run, carried in the JSON document (other formats leave them to stderr). */
  readonly diagnostics?: readonly Diagnostic[] | undefined;
  /** Prepend U+FEFF so Excel reads UTF-8 (CSV only). */
  readonly bom?: boolean | undefined;
}

export type ExplainFormatter = (explanation: Explanation, options: ExplainFormatOptions) => string;
