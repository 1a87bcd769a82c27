/** What reading one submission file needs from the load around it: the framework, the dataset being built, the diagnostics. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedFramework } from '../model/resolved.js';
import type { RegionContext } from '../regions/region-matching.js';
import type { CellSpec } from './cells.js';
import type { DatasetBuilder } from './dataset-builder.js';
import type { RowRef } from './row-key.js';

export interface FileContext {
  readonly framework: ResolvedFramework;
  readonly specs: readonly CellSpec[];
  /** An indicator cell of a long file → the indicator it names (memoised: see {@link indicatorFinder}). */
  readonly indicatorOf: (text: string) => number | undefined;
  readonly indicatorNames: readonly string[];
  readonly builder: DatasetBuilder;
  readonly diagnostics: Diagnostic[];
  readonly maxCellDiagnostics: number;
  /** Present when rows name regions from a list rather than free-form codes. */
  readonly regions?: RegionContext;
  readonly rowLines?: Map<string, (RowRef | undefined)[]>;
  /** One RowRef object per (region, period), shared by every line of that row. */
  readonly rowRefs?: Map<string, RowRef>;
}

/**
 * The context for one file of `delimiter`: in a semicolon-delimited file (a European Excel
 * export) a comma in a number is its decimal mark, so `12,5` reads 12.5 rather than a bad
 * thousands grouping.
 */
export function forDelimiter(context: FileContext, delimiter: string): FileContext {
  return delimiter === ';' ? { ...context, specs: context.specs.map((spec) => ({ ...spec, decimalComma: true })) } : context;
}

export function specAt(context: FileContext, indicator: number): CellSpec {
  const spec = context.specs[indicator];
  if (!spec) throw new Error(`no cell spec for indicator ${indicator}`);
  return spec;
}
