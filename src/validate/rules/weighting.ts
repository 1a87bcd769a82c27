/**
 * Data-driven and AHP weighting, TOPSIS and grey relational aggregation (issue 12): the keys
 * `weighting`, `weighting_scope`, `ahp`, `combine` and `aggregate.rho` on a group, or at the top
 * level for the dimensions. The schema checks their shape; these rules check what they mean.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import { WEIGHTING_METHODS } from '../../model/framework.js';
import { AHP_DEFAULT_MAX_CR, AHP_MAX_SIZE, ahpWeights, parseAhpEntry } from '../../weights/ahp.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { formatNumber, isMap, isNumber, itemsOf, type UntrustedMap } from './untrusted.js';

/** A judgement and its mirror may be written to two decimals (0.33 for 1/3, 0.14 for 1/7). */
const RECIPROCAL_TOLERANCE = 0.03;

/** A node whose children are weighted together: a group, or the framework (its dimensions). */
interface WeightingOwner {
  readonly value: UntrustedMap;
  readonly path: DocumentPath;
  readonly label: string;
  readonly childIds: readonly string[];
}

function ownersOf(ctx: RuleContext): WeightingOwner[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const idsOf = (items: readonly unknown[]) => items.map((item, i) => (isMap(item) && typeof item['id'] === 'string' ? item['id'] : `#${i + 1}`));
  const rootId = tree.root['id'];
  return [
    { value: tree.root, path: [], label: typeof rootId === 'string' ? rootId : 'framework', childIds: idsOf(itemsOf(tree.root['dimensions'])) },
    ...tree.groups.map((g) => ({
      value: g.value,
      path: g.path,
      label: labelOf(g),
      childIds: idsOf([...itemsOf(g.value['groups']), ...itemsOf(g.value['indicators'])]),
    })),
  ];
}

/** The weighting method an owner names, `combine` when only a `combine:` list is written, `fixed` when nothing. */
function weightingMethodOf(owner: UntrustedMap): string | undefined {
  const written = owner['weighting'];
  const method = isMap(written) ? written['method'] : written;
  if (method === undefined) return owner['combine'] === undefined ? 'fixed' : 'combine';
  return WEIGHTING_METHODS.find((m) => m === method);
}

function combineMethodsOf(owner: UntrustedMap): string[] {
  return itemsOf(owner['combine']).flatMap((part) => (isMap(part) && typeof part['method'] === 'string' ? [part['method']] : []));
}

/** Whether the owner's weights come from anything but the `weight:` fields. */
function isDerived(method: string | undefined): boolean {
  return method !== undefined && method !== 'fixed';
}

/** A group whose weights are derived (or set by AHP) has at least two children. */
export function derivedWeightingHasSiblings(ctx: RuleContext): Diagnostic[] {
  return ownersOf(ctx)
    .filter((owner) => isDerived(weightingMethodOf(owner.value)) && owner.childIds.length === 1)
    .map((owner) =>
      makeDiagnostic('weighting-one-child', { group: owner.label, method: weightingMethodOf(owner.value) }, ctx.locate([...owner.path, owner.value['weighting'] === undefined ? 'combine' : 'weighting'])),
    );
}

/** `combine:` goes with `weighting: combine` (or none), and its shares are finite and > 0. */
export function combineListsAreValid(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const owner of ownersOf(ctx)) {
    const method = weightingMethodOf(owner.value);
    const hasList = owner.value['combine'] !== undefined;
    if (method === 'combine' && !hasList) diagnostics.push(makeDiagnostic('weighting-combine-missing', { group: owner.label }, ctx.locate([...owner.path, 'weighting'])));
    if (hasList && method !== undefined && method !== 'combine') {
      diagnostics.push(makeDiagnostic('weighting-combine-conflict', { group: owner.label, method }, ctx.locate([...owner.path, 'combine'])));
    }
    itemsOf(owner.value['combine']).forEach((part, i) => {
      if (!isMap(part) || !isNumber(part['share'])) return;
      const share = part['share'];
      if (!(Number.isFinite(share) && share > 0)) {
        diagnostics.push(
          makeDiagnostic('weighting-share-not-positive', { group: owner.label, method: String(part['method']), share: formatNumber(share) }, ctx.locate([...owner.path, 'combine', i, 'share'])),
        );
      }
    });
  }
  return diagnostics;
}

/** An entropy `shift` is finite and ≥ 0; a grey-relational `rho` lies in (0, 1] and is written only there. */
export function weightingParametersAreValid(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const owner of ownersOf(ctx)) {
    const weighting = owner.value['weighting'];
    if (isMap(weighting) && isNumber(weighting['shift']) && !(Number.isFinite(weighting['shift']) && weighting['shift'] >= 0)) {
      diagnostics.push(makeDiagnostic('weighting-shift-invalid', { group: owner.label, shift: formatNumber(weighting['shift']) }, ctx.locate([...owner.path, 'weighting', 'shift'])));
    }
    const aggregate = owner.value['aggregate'];
    if (!isMap(aggregate) || !isNumber(aggregate['rho'])) continue;
    const rho = aggregate['rho'];
    const at = ctx.locate([...owner.path, 'aggregate', 'rho']);
    if (aggregate['method'] !== 'grey-relational') {
      diagnostics.push(makeDiagnostic('aggregate-rho-unused', { group: owner.label, method: String(aggregate['method']) }, at));
    } else if (!(rho > 0 && rho <= 1)) {
      diagnostics.push(makeDiagnostic('aggregate-rho-invalid', { group: owner.label, rho: formatNumber(rho) }, at));
    }
  }
  return diagnostics;
}

/**
 * Where AHP is used (`weighting: ahp`, or ahp in `combine:`) there is an `ahp:` matrix, with one
 * row and column per child, positive entries (numbers or fractions), 1 on the diagonal and
 * reciprocal pairs; a matrix nobody uses is flagged. Its consistency is the next rule's.
 */
export function ahpMatricesAreWellFormed(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const owner of ownersOf(ctx)) {
    const method = weightingMethodOf(owner.value);
    const usesAhp = method === 'ahp' || (method === 'combine' && combineMethodsOf(owner.value).includes('ahp'));
    const ahp = owner.value['ahp'];
    if (usesAhp && ahp === undefined) {
      diagnostics.push(makeDiagnostic('weighting-ahp-missing', { group: owner.label }, ctx.locate([...owner.path, owner.value['weighting'] === undefined ? 'combine' : 'weighting'])));
    }
    if (!usesAhp && ahp !== undefined && method !== undefined) {
      diagnostics.push(makeDiagnostic('weighting-ahp-unused', { group: owner.label, method }, ctx.locate([...owner.path, 'ahp'])));
    }
    if (isMap(ahp)) diagnostics.push(...matrixFindings(ctx, owner, ahp));
  }
  return diagnostics;
}

function matrixFindings(ctx: RuleContext, owner: WeightingOwner, ahp: UntrustedMap): Diagnostic[] {
  const rows = itemsOf(ahp['matrix']);
  const at = (...rest: (string | number)[]) => ctx.locate([...owner.path, 'ahp', 'matrix', ...rest]);
  const n = owner.childIds.length;
  const shapeIssue = rows.findIndex((row) => itemsOf(row).length !== n);
  if (rows.length !== n || shapeIssue >= 0) {
    const row = shapeIssue >= 0 ? shapeIssue : rows.length;
    return [
      makeDiagnostic('ahp-not-square', { group: owner.label, children: n, row: row + 1, length: itemsOf(rows[row]).length, rows: rows.length }, shapeIssue >= 0 ? at(row) : at()),
    ];
  }
  if (n > AHP_MAX_SIZE) return [makeDiagnostic('ahp-too-large', { group: owner.label, size: n }, at())];
  const diagnostics: Diagnostic[] = [];
  const values = rows.map((row) => itemsOf(row).map(parseAhpEntry));
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      const entry = itemsOf(rows[i])[j];
      const text = typeof entry === 'number' ? formatNumber(entry) : String(entry);
      if (value === undefined || !(Number.isFinite(value) && value > 0)) {
        diagnostics.push(makeDiagnostic('ahp-entry-invalid', { group: owner.label, entry: text, row: i + 1, column: j + 1 }, at(i, j)));
      } else if (i === j && value !== 1) {
        diagnostics.push(makeDiagnostic('ahp-diagonal-not-one', { group: owner.label, entry: text, row: i + 1 }, at(i, j)));
      }
    }),
  );
  if (diagnostics.length > 0) return diagnostics;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = values[i]![j]!;
      const mirror = values[j]![i]!;
      if (Math.abs(a * mirror - 1) > RECIPROCAL_TOLERANCE) {
        diagnostics.push(
          makeDiagnostic(
            'ahp-not-reciprocal',
            { group: owner.label, row: i + 1, column: j + 1, entry: roundTo(a, 4), mirror: roundTo(mirror, 4), expected: roundTo(1 / a, 4) },
            at(j, i),
          ),
        );
      }
    }
  }
  return diagnostics;
}

/**
 * A well-formed AHP matrix has a consistency ratio below 0.1 (Saaty); from 0.1 up to a
 * `max_cr` the author set it is a warning, at or above the limit an error naming the
 * judgement that departs most from the derived weights.
 */
export function ahpMatricesAreConsistent(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const owner of ownersOf(ctx)) {
    const ahp = owner.value['ahp'];
    if (!isMap(ahp) || matrixFindings(ctx, owner, ahp).length > 0) continue;
    const matrix = itemsOf(ahp['matrix']).map((row) => itemsOf(row).map((entry) => parseAhpEntry(entry)!));
    if (matrix.length < 3) continue;
    const result = ahpWeights(matrix);
    if (result.cr < AHP_DEFAULT_MAX_CR) continue;
    const maxCr = isNumber(ahp['max_cr']) && Number.isFinite(ahp['max_cr']) ? ahp['max_cr'] : AHP_DEFAULT_MAX_CR;
    const [first, second] = result.worstPair ?? [0, 1];
    const args = {
      group: owner.label,
      cr: roundTo(result.cr, 3),
      ci: roundTo(result.ci, 3),
      lambdaMax: roundTo(result.lambdaMax, 3),
      limit: maxCr,
      first: owner.childIds[first],
      second: owner.childIds[second],
    };
    const accepted = result.cr < maxCr;
    diagnostics.push(makeDiagnostic(accepted ? 'ahp-inconsistent-accepted' : 'ahp-inconsistent', args, ctx.locate([...owner.path, 'ahp', accepted ? 'max_cr' : 'matrix'])));
  }
  return diagnostics;
}

function roundTo(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(x * factor) / factor;
}
