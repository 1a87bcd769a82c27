/**
 * The per-group driver: for one weighted node (a group, or the framework for its dimensions)
 * it gathers the children's columns over each scope's complete rows, runs the weighting method
 * (or the methods of a `combine`), falls back to the fixed weights with a warning where the
 * data cannot give weights, and writes every row's share of every child. Pure: findings are
 * returned as diagnostics.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { CombinableMethod } from '../model/framework.js';
import type { ResolvedWeighting } from '../model/resolved.js';
import { ahpWeights } from './ahp.js';
import { combineWeights } from './combine.js';
import { criticWeights } from './critic.js';
import { cvWeights } from './cv.js';
import { entropyWeightsAt } from './entropy.js';
import type { DegenerateReason, WeightsOutcome } from './outcome.js';
import { pcaWeights } from './pca.js';
import type { AhpConsistency, GroupWeights, WeightComponent } from './record.js';

/** One weighted node as the engine sees it. */
export interface WeightedNode {
  readonly id: string;
  readonly isTop: boolean;
  /** Absent: fixed. */
  readonly weighting?: ResolvedWeighting | undefined;
  readonly children: readonly { readonly id: string; readonly share: number }[];
  /** Where findings about the weighting point. */
  readonly location: SourceLocation;
}

/** The children's columns, per row of the dataset. */
export interface ChildColumns {
  /** Normalised scores (indicators) or scores (groups), direction applied; NaN = missing. */
  readonly scores: readonly Float64Array[];
  /** The values CV reads: raw, imputed and transformed for indicators, scores for groups. Made on demand. */
  readonly raw: (child: number) => Float64Array;
}

/** A set of rows weights are derived over: one period (with its label), or every row pooled (null). */
export interface WeightScope {
  readonly rows: Uint32Array;
  readonly period: string | null;
}

export interface DerivedWeights {
  /** One record per scope (one with period null when the weights hold for every period). */
  readonly records: GroupWeights[];
  /**
   * Per child, its share: one number when a single set of weights holds for every row (fixed,
   * AHP, pooled, or data with one period), else the share on every row; undefined when fixed.
   */
  readonly rowShares: (number | Float64Array)[] | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Which methods read the data (and so are derived per scope). */
const DATA_METHODS: ReadonlySet<string> = new Set(['entropy', 'critic', 'cv', 'pca']);

export function usesData(weighting: ResolvedWeighting | undefined): boolean {
  if (!weighting) return false;
  if (weighting.method === 'combine') return (weighting.combine ?? []).some((part) => DATA_METHODS.has(part.method));
  return DATA_METHODS.has(weighting.method);
}

/**
 * The weights of `node`'s children on every row. `scopes` are the periods (or one pooled scope,
 * as `node.weighting.scope` says); rows flagged in `unscored` take no part in deriving them.
 */
export function deriveWeights(node: WeightedNode, columns: ChildColumns, scopes: readonly WeightScope[], unscored: Uint8Array): DerivedWeights {
  const fixed = node.children.map((child) => child.share);
  const childIds = node.children.map((child) => child.id);
  const base = { group: node.id, isTop: node.isTop, children: childIds };
  const weighting = node.weighting;
  if (!weighting) return { records: [{ ...base, method: 'fixed', period: null, weights: fixed }], rowShares: undefined, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const ahp = weighting.ahp ? ahpWeights(weighting.ahp.matrix) : undefined;
  const ahpConsistency: AhpConsistency | undefined = ahp ? { lambdaMax: ahp.lambdaMax, ci: ahp.ci, ri: ahp.ri, cr: ahp.cr } : undefined;

  /** One method's weights over one scope's complete rows; the fixed weights (with the reason) where it cannot give any. */
  const weightsBy = (method: CombinableMethod, complete: Uint32Array | undefined, period: string | null): { weights: readonly number[]; fallback?: DegenerateReason } => {
    if (method === 'fixed') return { weights: fixed };
    if (method === 'ahp') return { weights: ahp?.weights ?? fixed };
    const outcome = dataWeights(method, weighting.shift, columns, complete ?? new Uint32Array(0));
    if (outcome.kind === 'degenerate') {
      diagnostics.push(makeDiagnostic('weights-fallback', { group: node.id, method, period, reason: outcome.reason }, node.location));
      return { weights: fixed, fallback: outcome.reason };
    }
    outcome.constant.forEach((isConstant, c) => {
      if (isConstant) diagnostics.push(makeDiagnostic('weights-constant-child', { group: node.id, child: childIds[c], method, period }, node.location));
    });
    return { weights: outcome.weights };
  };

  const perScope = usesData(weighting) ? scopes : [{ rows: allScopeRows(scopes), period: null }];
  const records: GroupWeights[] = [];
  // One set of weights for every row needs no per-row arrays (allocating them for every group
  // of a township-scale run cost more than deriving the weights).
  const rowShares = perScope.length === 1 ? undefined : node.children.map(() => new Float64Array(unscored.length));
  for (const scope of perScope) {
    const complete = usesData(weighting) ? completeRows(scope.rows, columns.scores, unscored) : undefined;
    let record: GroupWeights;
    if (weighting.method === 'combine') {
      const components: WeightComponent[] = (weighting.combine ?? []).map((part) => {
        const derived = weightsBy(part.method, complete, scope.period);
        return { method: part.method, share: part.share, weights: derived.weights, ...(derived.fallback ? { fallback: derived.fallback } : {}) };
      });
      const usesAhp = components.some((part) => part.method === 'ahp');
      record = { ...base, method: 'combine', period: scope.period, weights: combineWeights(components), components, ...(usesAhp && ahpConsistency ? { ahp: ahpConsistency } : {}) };
    } else {
      const derived = weightsBy(weighting.method, complete, scope.period);
      record = {
        ...base,
        method: weighting.method,
        period: scope.period,
        weights: derived.weights,
        ...(derived.fallback ? { fallback: derived.fallback } : {}),
        ...(weighting.method === 'ahp' && ahpConsistency ? { ahp: ahpConsistency } : {}),
      };
    }
    records.push(record);
    if (rowShares) {
      record.weights.forEach((w, c) => {
        const out = rowShares[c]!;
        for (const row of scope.rows) out[row] = w;
      });
    }
  }
  // No scope at all (a dataset without rows): nothing could be derived, so the fixed weights stand.
  const only = records[0];
  if (!only) return { records: [{ ...base, method: weighting.method, period: null, weights: fixed, fallback: 'too-few-rows' }], rowShares: undefined, diagnostics };
  return { records, rowShares: rowShares ?? [...only.weights], diagnostics };
}

/** `column` at `rows`, packed. */
function gatherRows(column: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out;
}

function dataWeights(method: 'entropy' | 'critic' | 'cv' | 'pca', shift: number, columns: ChildColumns, complete: Uint32Array): WeightsOutcome {
  const gather = (column: Float64Array) => gatherRows(column, complete);
  switch (method) {
    case 'entropy':
      return entropyWeightsAt(columns.scores, complete, shift);
    case 'critic':
      return criticWeights(columns.scores.map(gather));
    case 'pca':
      return pcaWeights(columns.scores.map(gather));
    case 'cv': {
      // A `zero` policy fills the normalised value but not the raw one: keep rows with every raw value.
      const raw = columns.scores.map((_, c) => columns.raw(c));
      const present = complete.filter((row) => raw.every((column) => column[row]! === column[row]!));
      return cvWeights(raw.map((column) => gatherRows(column, present)));
    }
  }
}

/** Rows of `rows` that are scored and have every child present: the complete cases weights are derived from. */
export function completeRows(rows: Uint32Array, scores: readonly Float64Array[], unscored: Uint8Array): Uint32Array {
  // Column by column (one indexed pass over each typed array), not row by row through closures.
  const m = rows.length;
  const keep = new Uint8Array(m);
  for (let i = 0; i < m; i++) keep[i] = unscored[rows[i]!] === 1 ? 0 : 1;
  for (const column of scores) {
    for (let i = 0; i < m; i++) {
      const x = column[rows[i]!]!;
      if (x !== x) keep[i] = 0;
    }
  }
  const out = new Uint32Array(m);
  let at = 0;
  for (let i = 0; i < m; i++) if (keep[i] === 1) out[at++] = rows[i]!;
  return out.subarray(0, at);
}

function allScopeRows(scopes: readonly WeightScope[]): Uint32Array {
  const total = scopes.reduce((sum, scope) => sum + scope.rows.length, 0);
  const rows = new Uint32Array(total);
  let at = 0;
  for (const scope of scopes) {
    rows.set(scope.rows, at);
    at += scope.rows.length;
  }
  return rows;
}
