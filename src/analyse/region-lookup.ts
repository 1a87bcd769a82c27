/**
 * Finding what a user named on the command line in the scored data: regions by code, full name
 * or short name (浙江 ↔ 浙江省, `Ｚhejiang` ↔ `zhejiang`), and periods by label. A name that
 * matches nothing becomes a diagnostic with the nearest candidate and the list of what exists,
 * located at the option that named it, because no file holds the mistake.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import type { Dataset } from '../model/dataset.js';
import { compareCodeUnits } from '../score/partition.js';

/** How many entries a "what exists" list names before it says how many there are in all. */
const KNOWN_LIMIT = 40;

/**
 * Administrative suffixes dropped to get a short name, longest first so that `壮族自治区` goes
 * before `自治区` and `区`. English ones follow the way provinces are usually written in English.
 */
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '省',
  '市',
  '县',
  '区',
  '盟',
  ' special administrative region',
  ' autonomous region',
  ' municipality',
  ' province',
  ' sar',
  ' city',
] as const;

/** Text as compared: NFKC (full-width letters and digits become ASCII), lower case, single spaces. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, ' ');
}

/**
 * The short form of a region name: its match key without an administrative suffix, as long as
 * something of at least two characters is left (`新区` stays `新区`).
 */
export function shortName(text: string): string {
  const key = matchKey(text);
  for (const suffix of SUFFIXES) {
    if (key.endsWith(suffix) && [...key].length - [...suffix].length >= 2) return key.slice(0, key.length - suffix.length).trim();
  }
  return key;
}

export interface RegionLookup {
  /** Region codes, in the order asked for, each once. */
  readonly regions: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Candidate {
  readonly code: string;
  /** Every name the region goes by in the data (names may differ between periods). */
  readonly names: readonly string[];
}

function candidatesOf(dataset: Pick<Dataset, 'region' | 'name'>): Candidate[] {
  const names = new Map<string, Set<string>>();
  dataset.region.forEach((code, row) => {
    let set = names.get(code);
    if (!set) names.set(code, (set = new Set()));
    const name = dataset.name[row] ?? '';
    if (name !== '') set.add(name);
  });
  return [...names]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([code, set]) => ({ code, names: [...set] }));
}

/** `浙江 (330000)`, or the code alone for an unnamed region. */
function displayOf(candidate: Candidate): string {
  const name = candidate.names[0];
  return name === undefined || name === candidate.code ? candidate.code : `${name} (${candidate.code})`;
}

/** A list of what exists for a hint: all of it when short, else the first entries and the count. */
export function knownList(items: readonly string[], separator = ', '): string {
  if (items.length <= KNOWN_LIMIT) return items.join(separator);
  return `${items.slice(0, KNOWN_LIMIT).join(separator)}${separator}… (${items.length})`;
}

/** The regions whose code, name or short name equals `query`, trying each in that order. */
function matchesOf(query: string, candidates: readonly Candidate[]): Candidate[] {
  const key = matchKey(query);
  const byCode = candidates.filter((c) => matchKey(c.code) === key);
  if (byCode.length > 0) return byCode;
  const byName = candidates.filter((c) => c.names.some((name) => matchKey(name) === key));
  if (byName.length > 0) return byName;
  const short = shortName(query);
  return candidates.filter((c) => c.names.some((name) => shortName(name) === short));
}

/** The nearest code or name to an unmatched query, shown as the user would write it. */
function nearest(query: string, candidates: readonly Candidate[]): string | undefined {
  const shown = new Map<string, string>();
  for (const c of candidates) {
    shown.set(matchKey(c.code), c.code);
    for (const name of c.names) {
      if (!shown.has(shortName(name))) shown.set(shortName(name), name);
    }
  }
  const key = suggestClosest(shortName(query), shown.keys());
  return key === undefined ? undefined : shown.get(key);
}

/**
 * Resolves region queries (codes, full or short names; case- and width-insensitive) to region
 * codes of `dataset`. A query matching nothing gives `region-unknown` with a did-you-mean and
 * the regions present; one matching several regions gives `region-ambiguous`. `option` is the
 * command-line option the queries came from, used as the diagnostics' location.
 */
export function lookupRegions(dataset: Pick<Dataset, 'region' | 'name'>, queries: readonly string[], option = '--regions'): RegionLookup {
  const candidates = candidatesOf(dataset);
  const regions: string[] = [];
  const diagnostics: Diagnostic[] = [];
  queries.forEach((query, index) => {
    const location = { file: option, path: [option, index] };
    const matches = matchesOf(query, candidates);
    const [match] = matches;
    if (matches.length > 1) {
      diagnostics.push(makeDiagnostic('region-ambiguous', { query, matches: matches.map(displayOf).join(', ') }, location));
    } else if (match === undefined) {
      diagnostics.push(
        makeDiagnostic('region-unknown', { query, suggestion: nearest(query, candidates) ?? null, known: knownList(candidates.map(displayOf)) }, location),
      );
    } else if (!regions.includes(match.code)) {
      regions.push(match.code);
    }
  });
  return { regions, diagnostics };
}

export interface PeriodChoice {
  readonly period?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The period to analyse: `requested` when the data has it, the latest (last in code-unit order,
 * which for year labels is the most recent) when nothing was requested, and otherwise a
 * `period-unknown` diagnostic at `option` with the nearest label and those present.
 */
export function choosePeriod(periods: readonly string[], requested: string | undefined, option = '--period'): PeriodChoice {
  if (requested === undefined) {
    const latest = periods[periods.length - 1];
    return latest === undefined ? { diagnostics: [] } : { period: latest, diagnostics: [] };
  }
  if (periods.includes(requested)) return { period: requested, diagnostics: [] };
  return {
    diagnostics: [
      makeDiagnostic(
        'period-unknown',
        { period: requested, suggestion: suggestClosest(requested, periods) ?? null, known: knownList(periods) },
        { file: option, path: [option] },
      ),
    ],
  };
}
