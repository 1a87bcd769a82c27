/**
 * A region reference: the list of regions a framework's submissions may name (`regions:` in the
 * framework), and the lookup that turns whatever a submission wrote — a code, a full name, a
 * short name, a one-character abbreviation, an English name — into the region's code. Text that
 * names no region gets the nearest name as a "did you mean"; a name two regions share (two
 * counties called 朝阳区) is reported as ambiguous rather than guessed.
 */
import { suggestClosest } from '../diagnostics/suggest.js';
import { headerKey } from '../load/columns.js';
import type { RowSource } from '../model/dataset.js';
import { CN_PROVINCES, CN_PROVINCES_NAME } from './cn-provinces.js';

export interface ReferenceRegion {
  readonly code: string;
  /** The name as listed: the full name for the built-in table (浙江省), `name` for a CSV. */
  readonly name: string;
  /** The name written into the data when a submission leaves it empty (浙江; a CSV's `name`). */
  readonly label: string;
  /** Every other way the region may be written: short forms, abbreviations, English names. */
  readonly aliases: readonly string[];
  /** English name, when known (for English reports). */
  readonly en?: string | undefined;
  /** Group filled in when a submission leaves it empty; '' for none. */
  readonly group: string;
  /** A listed region without a row is an error in `dgmi validate --data`. */
  readonly isRequired: boolean;
  /** Where the region is listed (a regions CSV), for diagnostics about it. */
  readonly source?: RowSource | undefined;
}

export interface RegionReference {
  /** `cn-provinces`, or the path of the framework's regions CSV. */
  readonly id: string;
  /** In listing order. */
  readonly regions: readonly ReferenceRegion[];
  readonly byCode: ReadonlyMap<string, ReferenceRegion>;
  /** Match key ({@link regionKey}) of every name and alias → the regions it names (usually one). */
  readonly byKey: ReadonlyMap<string, readonly ReferenceRegion[]>;
  /** Names offered as "did you mean": every name of two or more characters, codes included. */
  readonly suggestions: readonly string[];
}

export type RegionMatch =
  | { readonly kind: 'found'; readonly region: ReferenceRegion }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ReferenceRegion[] }
  | { readonly kind: 'unknown'; readonly suggestion?: { readonly text: string; readonly region: ReferenceRegion } | undefined };

/**
 * How region texts are compared: exactly as submission headers are ({@link headerKey}: NFKC, so
 * full-width `３３００００` is `330000`; trimmed, single spaces, lower case), so a region column
 * and the list it is matched against can never disagree about what counts as the same text.
 */
export function regionKey(text: string): string {
  return headerKey(text);
}

function namesOf(region: ReferenceRegion): string[] {
  return [region.code, region.name, region.label, ...(region.en === undefined ? [] : [region.en]), ...region.aliases];
}

/**
 * Index `regions` for lookup. Codes are taken as unique (the CSV reader reports a repeated code
 * and keeps the first); names may repeat, and then name several regions.
 */
export function createRegionReference(id: string, regions: readonly ReferenceRegion[]): RegionReference {
  const byCode = new Map<string, ReferenceRegion>();
  for (const region of regions) if (!byCode.has(regionKey(region.code))) byCode.set(regionKey(region.code), region);
  const byKey = new Map<string, ReferenceRegion[]>();
  const suggestions = new Set<string>();
  for (const region of byCode.values()) {
    for (const name of namesOf(region)) {
      const key = regionKey(name);
      if (key === '') continue;
      const named = byKey.get(key);
      if (!named) byKey.set(key, [region]);
      else if (!named.includes(region)) named.push(region);
      // A one-character name is a fine thing to write but a poor guess: every other character is one edit from it.
      if ([...key].length >= 2) suggestions.add(name);
    }
  }
  return { id, regions: [...byCode.values()], byCode, byKey, suggestions: [...suggestions] };
}

/**
 * The region `text` names. A code wins over a name (a county list may call a place by another's
 * code only by mistake); an unknown text carries the nearest name, if one is close enough.
 */
export function lookupRegion(reference: RegionReference, text: string): RegionMatch {
  const key = regionKey(text);
  const byCode = reference.byCode.get(key);
  if (byCode) return { kind: 'found', region: byCode };
  const named = reference.byKey.get(key);
  if (named && named.length === 1 && named[0]) return { kind: 'found', region: named[0] };
  if (named && named.length > 1) return { kind: 'ambiguous', candidates: named };
  const nearest = suggestClosest(key, reference.suggestions);
  const region = nearest === undefined ? undefined : reference.byKey.get(regionKey(nearest))?.[0];
  return { kind: 'unknown', suggestion: nearest !== undefined && region ? { text: nearest, region } : undefined };
}

/**
 * {@link lookupRegion} with a memory: a long-format file repeats each region on every line, and
 * an unknown region costs an edit-distance search over every name.
 */
export function regionMatcher(reference: RegionReference): (text: string) => RegionMatch {
  const seen = new Map<string, RegionMatch>();
  return (text) => {
    let match = seen.get(text);
    if (!match) {
      match = lookupRegion(reference, text);
      seen.set(text, match);
    }
    return match;
  };
}

/** The regions every period of the data must have a row for, in listing order. */
export function requiredRegions(reference: RegionReference): ReferenceRegion[] {
  return reference.regions.filter((r) => r.isRequired);
}

let cnProvinces: RegionReference | undefined;

/** The built-in table of China's provincial-level divisions (see `./cn-provinces.ts`). */
export function cnProvincesReference(): RegionReference {
  cnProvinces ??= createRegionReference(
    CN_PROVINCES_NAME,
    CN_PROVINCES.map((p) => ({
      code: p.code,
      name: p.full,
      label: p.short,
      aliases: [p.short, ...p.abbreviations, ...p.en],
      en: p.en[0],
      group: p.group,
      // The NBS division, and every national assessment, covers the 31 mainland divisions.
      isRequired: p.group !== '',
    })),
  );
  return cnProvinces;
}

/** Names a framework may give `regions:` for a table built into dgmi. */
export const BUILTIN_REGION_TABLES: Readonly<Record<string, () => RegionReference>> = {
  [CN_PROVINCES_NAME]: cnProvincesReference,
};

/** The built-in table called `name`, or undefined when dgmi has none of that name. */
export function builtinRegionReference(name: string): RegionReference | undefined {
  return Object.hasOwn(BUILTIN_REGION_TABLES, name) ? BUILTIN_REGION_TABLES[name]?.() : undefined;
}
