/**
 * How a group's aggregation method interacts with what its children can be. Geometric and
 * harmonic means need every child > 0: a raw z-score is negative for every below-mean region,
 * and minmax, rank and min–max-rescaled z-scores give the lowest region exactly 0, which zeroes
 * its whole group. A `minimum` group ignores weights, so weights written under it do nothing.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { aggregateMethodOf, isMultiplicative, labelOf, readFrameworkTree, type GroupNode, type IndicatorNode } from './framework-tree.js';
import { effectiveMissing, effectiveNormalise, keepsRawZScores } from './indicator-settings.js';
import { isMap, itemsOf, type UntrustedMap } from './untrusted.js';

/** Most groups are small; naming a handful of indicators is enough to find the rest. */
const LISTED_INDICATORS = 5;

function listIndicators(indicators: readonly IndicatorNode[]): string {
  const ids = indicators.slice(0, LISTED_INDICATORS).map(labelOf);
  return indicators.length > LISTED_INDICATORS ? `${ids.join(', ')}, …` : ids.join(', ');
}

function childrenByParent(indicators: readonly IndicatorNode[]): Map<GroupNode, IndicatorNode[]> {
  const byParent = new Map<GroupNode, IndicatorNode[]>();
  for (const indicator of indicators) byParent.set(indicator.parent, [...(byParent.get(indicator.parent) ?? []), indicator]);
  return byParent;
}

/** No indicator keeps raw z-scores (`rescale: none`) under a geometric or harmonic parent. */
export function zscoresAreNotUnderMultiplicativeParents(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const diagnostics: Diagnostic[] = [];
  for (const indicator of tree.indicators) {
    const method = aggregateMethodOf(indicator.parent.value['aggregate']);
    const normalise = effectiveNormalise(indicator, tree.root);
    if (!method || !isMultiplicative(method) || !normalise || !keepsRawZScores(normalise.value)) continue;
    diagnostics.push(
      makeDiagnostic(
        'zscore-under-multiplicative',
        { indicator: labelOf(indicator), group: labelOf(indicator.parent), method },
        ctx.locate(normalise.isInherited ? indicator.path : [...indicator.path, 'normalise']),
      ),
    );
  }
  return diagnostics;
}

const ZERO_AT_MINIMUM: ReadonlySet<string> = new Set(['minmax', 'rank', 'zscore']);

/**
 * Under a geometric or harmonic group, no indicator is normalised so that some region is 0 by
 * construction (minmax, rank, rescaled zscore), and none fills missing values with 0.
 */
export function multiplicativeChildrenAvoidZero(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const root = tree.root;
  if (!root) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [group, indicators] of childrenByParent(tree.indicators)) {
    const method = aggregateMethodOf(group.value['aggregate']);
    if (!method || !isMultiplicative(method)) continue;
    const byNormalisation = indicators.filter((indicator) => {
      const normalise = effectiveNormalise(indicator, root);
      return normalise !== undefined && ZERO_AT_MINIMUM.has(normalise.value.method) && !keepsRawZScores(normalise.value);
    });
    const byMissing = indicators.filter((indicator) => effectiveMissing(indicator, root)?.value === 'zero');
    const at = ctx.locate([...group.path, 'aggregate']);
    const args = { group: labelOf(group), method };
    if (byNormalisation.length > 0) {
      diagnostics.push(makeDiagnostic('aggregate-zero-by-normalisation', { ...args, indicators: listIndicators(byNormalisation) }, at));
    }
    if (byMissing.length > 0) {
      diagnostics.push(makeDiagnostic('aggregate-zero-by-missing', { ...args, indicators: listIndicators(byMissing) }, at));
    }
  }
  return diagnostics;
}

/** Under a `minimum` aggregate (framework or group), no child has a weight: the weakest link ignores them. */
export function minimumGroupsHaveNoWeights(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const owners: { value: UntrustedMap; path: readonly (string | number)[]; label: string; children: readonly unknown[] }[] = [
    { value: tree.root, path: [], label: 'framework', children: itemsOf(tree.root['dimensions']) },
    ...tree.groups.map((g) => ({
      value: g.value,
      path: g.path,
      label: labelOf(g),
      children: [...itemsOf(g.value['groups']), ...itemsOf(g.value['indicators'])],
    })),
  ];
  return owners
    .filter((owner) => aggregateMethodOf(owner.value['aggregate']) === 'minimum')
    .filter((owner) => owner.children.some((child) => isMap(child) && child['weight'] !== undefined))
    .map((owner) => makeDiagnostic('weight-ignored-by-minimum', { group: owner.label }, ctx.locate([...owner.path, 'aggregate'])));
}
