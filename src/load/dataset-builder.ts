/** Dataset rows as they arrive from the files, one per (region, period), grown into columns. */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset, RowSource } from '../model/dataset.js';
import { regionKey, type RegionReference } from '../regions/region-reference.js';
import { rowKeyText, type RowKey } from './row-key.js';

function place(source: RowSource): string {
  return `${source.file}:${source.line}`;
}

interface RegionFacts {
  name: string;
  nameAt: RowSource;
  group: string;
  groupAt: RowSource;
  readonly warned: Set<string>;
}

/**
 * Grows the columns as rows arrive (files are read one after another, and a long file's row
 * count is only known at its end) and enforces one row per (region, period).
 */
export class DatasetBuilder {
  values: Float64Array[];
  private capacity = 0;
  private count = 0;
  /** The row opened by `beginRow` may hold values from a row that was never committed. */
  private isOpenRowDirty = false;
  private excluded = new Uint8Array(0);
  private readonly region: string[] = [];
  private readonly period: string[] = [];
  private readonly sources: RowSource[] = [];
  private readonly rowByKey = new Map<string, number>();
  private readonly regions = new Map<string, RegionFacts>();

  constructor(
    indicatorCount: number,
    private readonly diagnostics: Diagnostic[],
    /** Fills in the name and group a region's rows all leave empty. */
    private readonly reference?: RegionReference,
  ) {
    this.values = Array.from({ length: indicatorCount }, () => new Float64Array(0));
  }

  /** Make room for `rows` more rows at once, so a large file grows the columns once. */
  reserve(rows: number): void {
    const needed = this.count + rows;
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, 16);
    this.values = this.values.map((old) => {
      const grown = new Float64Array(capacity).fill(Number.NaN);
      grown.set(old.subarray(0, this.count));
      return grown;
    });
    const excluded = new Uint8Array(capacity);
    excluded.set(this.excluded.subarray(0, this.count));
    this.excluded = excluded;
    this.capacity = capacity;
  }

  /** Open the next row, every value missing; its index is where the caller writes values. */
  beginRow(): number {
    this.reserve(1);
    const row = this.count;
    if (this.isOpenRowDirty) for (const column of this.values) column[row] = Number.NaN;
    this.isOpenRowDirty = true;
    return row;
  }

  /**
   * Keep the open row under `key`, or drop it when the key is taken: then both places are named
   * and the first row is excluded, since which of the two is right cannot be told.
   */
  commitRow(key: RowKey, source: RowSource, hasError: boolean): number | undefined {
    const keyText = rowKeyText(key);
    const first = this.rowByKey.get(keyText);
    if (first !== undefined) {
      const firstSource = this.sources[first] ?? source;
      this.diagnostics.push(
        makeDiagnostic('row-duplicate', { region: key.region, period: key.period, first: place(firstSource), second: place(source) }, source),
      );
      this.exclude(first);
      return undefined;
    }
    const row = this.count++;
    this.isOpenRowDirty = false;
    this.rowByKey.set(keyText, row);
    this.region.push(key.region);
    this.period.push(key.period);
    this.sources.push(source);
    if (hasError || key.isUnlisted) this.exclude(row);
    this.noteRegion(key, source);
    return row;
  }

  exclude(row: number): void {
    this.excluded[row] = 1;
  }

  setValue(indicator: number, row: number, value: number): void {
    const column = this.values[indicator];
    if (column) column[row] = value;
  }

  /** Remember a region's name and group; a different one later is a warning (once per value). */
  noteRegion(key: RowKey, source: RowSource): void {
    const facts = this.regions.get(key.region);
    if (!facts) {
      this.regions.set(key.region, { name: key.name, nameAt: source, group: key.group, groupAt: source, warned: new Set() });
      return;
    }
    this.compare(facts, key, 'name', source);
    this.compare(facts, key, 'group', source);
  }

  private compare(facts: RegionFacts, key: RowKey, field: 'name' | 'group', source: RowSource): void {
    const given = key[field];
    if (given === '') return;
    const atField = field === 'name' ? 'nameAt' : 'groupAt';
    if (facts[field] === '') {
      facts[field] = given;
      facts[atField] = source;
      return;
    }
    if (facts[field] === given || facts.warned.has(`${field}\u0000${given}`)) return;
    facts.warned.add(`${field}\u0000${given}`);
    const location: SourceLocation = source;
    this.diagnostics.push(
      makeDiagnostic(
        field === 'name' ? 'region-name-conflict' : 'region-group-conflict',
        { region: key.region, first: facts[field], firstAt: place(facts[atField]), second: given },
        location,
      ),
    );
  }

  /** The dataset of the committed rows. Call it last: the dataset may share the builder's columns. */
  finish(inputs: Dataset['inputs']): Dataset {
    const rowCount = this.count;
    // Every row of a region carries the region's first name and group, so one region never shows
    // two names. Worked out per region, not per row: a region has a row in every period.
    const shown = new Map<string, { readonly name: string; readonly group: string }>();
    for (const [region, facts] of this.regions) {
      const listed = this.reference?.byCode.get(regionKey(region));
      shown.set(region, { name: facts.name || listed?.label || '', group: facts.group || listed?.group || '' });
    }
    const name = this.region.map((r) => shown.get(r)?.name ?? '');
    const group = this.region.map((r) => shown.get(r)?.group ?? '');
    return {
      rowCount,
      region: this.region,
      name,
      group,
      period: this.period,
      // A column reserved to the exact row count (one file, every line a row) is handed over
      // as it is: copying it would cost 64 MB of copying at 40,000 × 200. The builder is done
      // with its columns once finished.
      values: this.values.map((column) => (column.length === rowCount ? column : column.slice(0, rowCount))),
      sources: this.sources,
      excluded: this.excluded.slice(0, rowCount),
      inputs,
    };
  }
}
