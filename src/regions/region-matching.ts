/**
 * Region cells → the code of the listed region they name. A file names its regions by code, full
 * or short name; each text is matched once and an unmatched or ambiguous one is reported once per
 * file, however many lines repeat it.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { builtinRegionReference, regionMatcher, type ReferenceRegion, type RegionMatch, type RegionReference } from './region-reference.js';

export interface RegionContext {
  readonly reference: RegionReference;
  readonly match: (text: string) => RegionMatch;
  /** `file\0text` of every unlisted region already reported (a long file repeats it on every line). */
  readonly reported: Set<string>;
}

/** A fresh {@link RegionContext} for one load: nothing reported yet. */
export function regionContext(reference: RegionReference): RegionContext {
  return { reference, match: regionMatcher(reference), reported: new Set<string>() };
}

/** The built-in table a framework names; a regions CSV needs reading, which is loadSubmissions' part. */
export function defaultRegions(framework: ResolvedFramework): RegionReference | undefined {
  return framework.regions?.kind === 'builtin' ? builtinRegionReference(framework.regions.name) : undefined;
}

/**
 * The code of the listed region `written` names (`浙江` → `330000`), or undefined after an error
 * when it names none, or several (reported once per file and text).
 */
export function listedRegion(written: string, regions: RegionContext, at: SourceLocation & { file: string }, diagnostics: Diagnostic[]): string | undefined {
  const match = regions.match(written);
  if (match.kind === 'found') return match.region.code;
  const reportKey = `${at.file}\u0000${written}`;
  if (regions.reported.has(reportKey)) return undefined;
  regions.reported.add(reportKey);
  diagnostics.push(
    match.kind === 'ambiguous'
      ? makeDiagnostic('region-name-ambiguous', { text: written, candidates: match.candidates.map(describeRegion).join(', ') }, at)
      : makeDiagnostic(
          'region-not-listed',
          { text: written, list: regions.reference.id, suggestion: match.suggestion?.text ?? '', suggestionCode: match.suggestion?.region.code ?? '' },
          at,
        ),
  );
  return undefined;
}

function describeRegion(region: ReferenceRegion): string {
  return region.name === region.code ? region.code : `${region.code} ${region.name}`;
}
