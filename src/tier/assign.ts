/**
 * Puts every scored row into a tier. Placeholder signature: the tier module owner replaces
 * the body; the engine calls it after composite, node scores and ranks are known.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ScoreTable } from '../model/score-table.js';

export type TierInputs = Omit<ScoreTable, 'tier' | 'order' | 'diagnostics'>;

export interface TierAssignment {
  /** Index into `framework.tiers.levels` per row; -1 when untiered. */
  readonly tier: Int32Array;
  readonly diagnostics: Diagnostic[];
}

export function assignTiers(input: TierInputs): TierAssignment {
  return { tier: new Int32Array(input.dataset.rowCount).fill(-1), diagnostics: [] };
}
