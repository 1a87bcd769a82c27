/** What every analysis shares: its result-or-diagnostics shape, the basis of its numbers, a region's standing. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { InputFile } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import type { ScoreOptions } from '../score/engine.js';

/** Whether relative normalisations ran per period or pooled over the periods compared. */
export type NormaliseScope = NonNullable<ScoreOptions['normaliseScope']>;

export interface Analysis<T> {
  /** Absent when the request cannot be answered (the diagnostics say why). */
  readonly result?: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** The framework, the inputs and the normalisation scope a comparison's numbers rest on. */
export interface ComparisonBasis {
  readonly framework: ResolvedFramework;
  readonly inputs: readonly InputFile[];
  readonly normaliseScope: NormaliseScope;
}

/** A region's standing in one period. */
export interface RegionPresence {
  readonly region: string;
  readonly name: string;
  readonly group: string;
  readonly score: number;
  readonly rank: number;
  /** Index into `framework.tiers.levels`; -1 when untiered. */
  readonly tier: number;
}
