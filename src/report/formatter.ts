/**
 * The one shape of a `--format` output: a pure function from a command's result to text. Like
 * the score formatters, formatters never print, decide colour, or set the exit code; the CLI
 * does. `dgmi compare` and `dgmi explain` take the same options; `dgmi score` could too, with
 * `period` and `top` added (see src/report/results/formatter.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../model/i18n.js';
import type { Palette } from './palette.js';

export interface FormatOptions {
  /** Language of headings, labels, sentences, tier and group names, and diagnostic messages. */
  readonly lang: Lang;
  /** Colour for the terminal table; the other formats are colourless and ignore it. */
  readonly palette: Palette;
  /** dgmi's own version, for provenance notes. */
  readonly toolVersion: string;
  /** Every finding of the run (loading, scoring, the analysis), carried in the JSON document; other formats leave them to stderr. */
  readonly diagnostics?: readonly Diagnostic[] | undefined;
  /** Prepend U+FEFF so Excel reads UTF-8 (CSV only). */
  readonly bom?: boolean | undefined;
}

export type Formatter<Subject, Options = FormatOptions> = (subject: Subject, options: Options) => string;
