/**
 * "Missing required region": when a framework declares a region list, every required region
 * must have a row in every period the submissions cover. A region with no row at all would
 * otherwise vanish from the ranking without anybody noticing.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset } from '../model/dataset.js';
import { requiredRegions, type RegionReference } from './region-reference.js';

/**
 * One error per required region of `reference` without a row in a period of `dataset` (the
 * periods in the order they first appear). The error points at the region's line in a regions
 * CSV, or at `declaredAt` (the framework's `regions:`) for a built-in table.
 */
export function missingRequiredRegions(reference: RegionReference, dataset: Dataset | undefined, declaredAt: SourceLocation): Diagnostic[] {
  const present = new Set<string>();
  const periods: string[] = [];
  const seenPeriods = new Set<string>();
  if (dataset) {
    for (let row = 0; row < dataset.rowCount; row++) {
      const period = dataset.period[row] ?? '';
      present.add(`${dataset.region[row] ?? ''}\u0000${period}`);
      if (!seenPeriods.has(period)) {
        seenPeriods.add(period);
        periods.push(period);
      }
    }
  }
  // With no readable row at all there is no period to speak of; the missing regions are still worth naming.
  if (periods.length === 0) periods.push('');
  const diagnostics: Diagnostic[] = [];
  for (const period of periods) {
    for (const region of requiredRegions(reference)) {
      if (present.has(`${region.code}\u0000${period}`)) continue;
      diagnostics.push(
        makeDiagnostic(
          'region-required-missing',
          { region: region.code, name: region.label || region.name, period, list: reference.id },
          region.source ?? declaredAt,
        ),
      );
    }
  }
  return diagnostics;
}
