/** The region list a framework declares, read: its built-in table, or its regions CSV. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { regionListFromTable } from '../regions/region-list.js';
import { BUILTIN_REGION_TABLES, builtinRegionReference, type RegionReference } from '../regions/region-reference.js';
import { DEFAULT_DATA_MAX_BYTES, readInputFile } from './file.js';
import type { LoadSubmissionsOptions } from './submissions.js';

export interface RegionReferenceResult {
  /** Absent when the framework declares no list, or its list could not be read. */
  readonly reference?: RegionReference;
  readonly diagnostics: Diagnostic[];
}

/**
 * The region list the framework declares: the built-in table it names, or its regions CSV read
 * from next to the framework file. Nothing when it declares none.
 */
export async function loadRegionReference(framework: ResolvedFramework, options: LoadSubmissionsOptions = {}): Promise<RegionReferenceResult> {
  const declared = framework.regions;
  if (declared === undefined) return { diagnostics: [] };
  if (declared.kind === 'builtin') {
    const reference = builtinRegionReference(declared.name);
    if (reference) return { reference, diagnostics: [] };
    const tables = Object.keys(BUILTIN_REGION_TABLES);
    const at = { file: framework.file ?? '', path: ['regions'] };
    return { diagnostics: [makeDiagnostic('regions-unknown-table', { name: declared.name, tables: tables.join(', '), suggestion: suggestClosest(declared.name, tables) ?? '' }, at)] };
  }
  const read = await readInputFile(declared.file, options.maxBytes ?? DEFAULT_DATA_MAX_BYTES);
  if (!read.file) return { diagnostics: read.diagnostics };
  const diagnostics: Diagnostic[] = [];
  // The table readers (csv-parse, and the XLSX reader) are loaded only for a list in a file:
  // `validate` of a framework with a built-in list reads no table at all.
  const { readTable } = await import('./submission-source.js');
  // The list ships with the framework, not with the submissions: --encoding is not about it.
  const table = await readTable(read.file, 'auto', diagnostics);
  if (!table) return { diagnostics };
  const list = regionListFromTable(table, declared.file);
  return { ...(list.reference ? { reference: list.reference } : {}), diagnostics: [...diagnostics, ...list.diagnostics] };
}
