/**
 * Denominator columns (`denominator: Population`) are not indicators, so the submission reader
 * would ignore them as unknown columns. They are read by a second pass over the same decoded
 * files with a framework whose only "indicators" are those columns — so they get exactly the
 * same cell parsing, encodings, long layout and XLSX support — and joined onto the dataset by
 * (region, period). A bad denominator cell marks its row excluded, like any bad cell.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework, ResolvedIndicator } from '../model/resolved.js';
import { headerKey } from './columns.js';
import type { LoadedFile } from './file.js';

/** The denominator columns the framework names, each once, in file order. */
export function denominatorColumns(framework: ResolvedFramework): string[] {
  return [...new Set(framework.indicators.flatMap((i) => (i.denominator ? [i.denominator.column] : [])))];
}

/** A framework whose indicators are the denominator columns, for the second reading pass. */
function denominatorFramework(framework: ResolvedFramework, columns: readonly string[]): ResolvedFramework {
  const indicators: ResolvedIndicator[] = columns.map((column, index) => ({
    kind: 'indicator',
    id: column,
    name: { en: column },
    direction: 'positive',
    weight: 1,
    share: 1,
    transform: 'none',
    normalise: { method: 'none' },
    missing: 'reweight',
    index,
    path: [],
  }));
  return { ...framework, indicators, dimensions: [], groups: [], nodeById: new Map(indicators.map((i) => [i.id, i])), tiers: undefined };
}

interface Parsed {
  readonly dataset?: Dataset;
  readonly diagnostics: Diagnostic[];
}

/**
 * `parsed` with `dataset.denominators` filled from `files`. `parse` is the submissions parser
 * (passed in, so this module does not import the one that imports it). A column no file has is
 * left out of the map: the engine names it against the framework's `denominator:` key.
 */
export async function attachDenominators<T extends Parsed>(
  framework: ResolvedFramework,
  files: readonly LoadedFile[],
  parsed: T,
  parse: (framework: ResolvedFramework, files: readonly LoadedFile[]) => Promise<Parsed>,
): Promise<T> {
  const columns = denominatorColumns(framework);
  const dataset = parsed.dataset;
  if (columns.length === 0 || !dataset) return parsed;

  const second = await parse(denominatorFramework(framework, columns), files);
  const keys = new Set(columns.map(headerKey));
  // The first pass called these columns (or, in a long file, these indicator names) unknown; they are known now.
  const isDenominator = (d: Diagnostic): boolean =>
    (d.code === 'column-unknown' && keys.has(headerKey(String(d.args['header'] ?? '')))) ||
    (d.code === 'long-indicator-unknown' && keys.has(headerKey(String(d.args['text'] ?? ''))));
  const diagnostics = parsed.diagnostics.filter((d) => !isDenominator(d));
  // Only the cell findings are new: everything else (unknown indicator columns, duplicates) the first pass said already.
  diagnostics.push(...second.diagnostics.filter((d) => d.code.startsWith('cell-')));

  const absentIn = new Map<string, number>();
  for (const d of second.diagnostics) {
    if (d.code !== 'column-indicator-missing') continue;
    for (const id of String(d.args['indicators'] ?? '').split(', ')) absentIn.set(id, (absentIn.get(id) ?? 0) + 1);
  }
  const read = second.dataset;
  const rowOf = new Map<string, number>();
  read?.region.forEach((region, row) => rowOf.set(`${region}\u0000${read.period[row] ?? ''}`, row));

  const n = dataset.rowCount;
  const excluded = dataset.excluded ? Uint8Array.from(dataset.excluded) : new Uint8Array(n);
  let excludes = dataset.excluded !== undefined;
  const denominators = new Map<string, Float64Array>();
  columns.forEach((column, c) => {
    if ((absentIn.get(column) ?? 0) >= files.length) return;
    const values = new Float64Array(n).fill(NaN);
    for (let row = 0; row < n; row++) {
      const at = rowOf.get(`${dataset.region[row] ?? ''}\u0000${dataset.period[row] ?? ''}`);
      if (at === undefined || !read) continue;
      values[row] = read.values[c]?.[at] ?? NaN;
      if (read.excluded?.[at] === 1) {
        excluded[row] = 1;
        excludes = true;
      }
    }
    denominators.set(column, values);
  });
  return { ...parsed, diagnostics, dataset: { ...dataset, denominators, ...(excludes ? { excluded } : {}) } };
}
