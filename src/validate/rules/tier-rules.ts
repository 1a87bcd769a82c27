/**
 * The shape and references of tier rules: one key per rule object, one measure per dimension
 * test, `otherwise` only as a level's whole rule, and dimension tests that name a dimension.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import { suggestClosest } from '../../diagnostics/suggest.js';
import type { RuleContext } from '../rule-context.js';
import { idOf, readFrameworkTree, type GroupNode } from './framework-tree.js';
import { inFileOrder } from './source-order.js';
import { measuresOf, ruleKeysOf, tierRuleSites } from './tier-rule-sites.js';
import { isMap } from './untrusted.js';

/** Each rule object has exactly one key: `{ rank: …, score: … }` would leave "and" or "or" to guesswork. */
export function tierRulesHaveOneKey(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const site of tierRuleSites(ctx.input)) {
    if (!isMap(site.value)) continue;
    const keys = inFileOrder(ruleKeysOf(site.value), (key) => ctx.locate([...site.path, key], 'key'));
    const second = keys[1];
    if (Object.keys(site.value).length === 0) {
      diagnostics.push(makeDiagnostic('tier-rule-empty', {}, ctx.locate(site.path)));
    } else if (second !== undefined) {
      diagnostics.push(makeDiagnostic('tier-rule-several-keys', { keys: keys.join(', ') }, ctx.locate([...site.path, second], 'key')));
    }
  }
  return diagnostics;
}

/** `otherwise` stands only as a level's whole rule; nested, it makes `any` always and `not` never hold. */
export function otherwiseIsNotNested(ctx: RuleContext): Diagnostic[] {
  return tierRuleSites(ctx.input)
    .filter((site) => site.isNested && site.value === 'otherwise')
    .map((site) => makeDiagnostic('tier-otherwise-nested', {}, ctx.locate(site.path)));
}

/** A `dimension` or `any_dimension` test names exactly one of score, rank, percentile. */
export function dimensionTestsHaveOneMeasure(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const site of tierRuleSites(ctx.input)) {
    if (!isMap(site.value)) continue;
    for (const key of ['dimension', 'any_dimension'] as const) {
      const test = site.value[key];
      if (!isMap(test)) continue;
      const measures = inFileOrder(measuresOf(test), (measure) => ctx.locate([...site.path, key, measure], 'key'));
      const second = measures[1];
      if (measures.length === 0) {
        diagnostics.push(makeDiagnostic('tier-test-no-measure', { test: key }, ctx.locate([...site.path, key])));
      } else if (second !== undefined) {
        diagnostics.push(
          makeDiagnostic('tier-test-several-measures', { test: key, measures: measures.join(', ') }, ctx.locate([...site.path, key, second], 'key')),
        );
      }
    }
  }
  return diagnostics;
}

/** The dimension a group belongs to (itself for a dimension). */
function dimensionOf(group: GroupNode): GroupNode {
  return group.parent ? dimensionOf(group.parent) : group;
}

/**
 * A `dimension` test names a dimension (a first-level group). A sub-group or indicator id gets an
 * error that says what it is instead; an unknown id gets the nearest dimension id as a suggestion.
 */
export function tierDimensionsExist(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const dimensions = tree.groups.filter((g) => g.depth === 1).flatMap((g) => idOf(g) ?? []);
  const dimensionIds = new Set(dimensions);
  const diagnostics: Diagnostic[] = [];
  for (const site of tierRuleSites(ctx.input)) {
    const test = isMap(site.value) ? site.value['dimension'] : undefined;
    const id = isMap(test) ? test['id'] : undefined;
    if (typeof id !== 'string' || dimensionIds.has(id)) continue;
    const at = ctx.locate([...site.path, 'dimension', 'id']);
    const group = tree.groups.find((g) => idOf(g) === id);
    const indicator = tree.indicators.find((i) => idOf(i) === id);
    const owner = group ?? indicator?.parent;
    if (owner) {
      const dimension = idOf(dimensionOf(owner)) ?? '';
      diagnostics.push(makeDiagnostic('tier-dimension-not-dimension', { id, kind: group ? 'group' : 'indicator', dimension }, at));
    } else {
      diagnostics.push(
        makeDiagnostic('tier-dimension-unknown', { id, suggestion: suggestClosest(id, dimensions) ?? '', dimensions: dimensions.join(', ') }, at),
      );
    }
  }
  return diagnostics;
}
