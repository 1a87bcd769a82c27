/**
 * A group aggregates either sub-groups or indicators. Both at once has no defined meaning (the
 * resolver would silently drop the indicators), and a group with neither has nothing to score.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { compareLocations } from './source-order.js';

type ChildList = 'groups' | 'indicators';

/** 'filled' for a non-empty list, 'none' for absent, null or empty, 'other' for a non-list (a schema error). */
function listState(value: unknown): 'filled' | 'none' | 'other' {
  if (value === undefined || value === null) return 'none';
  if (!Array.isArray(value)) return 'other';
  return value.length > 0 ? 'filled' : 'none';
}

/** Each group has `groups` or `indicators`, not both and not neither (empty lists count as neither). */
export function groupsHaveOneKindOfChildren(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const group of readFrameworkTree(ctx.input).groups) {
    const groups = listState(group.value['groups']);
    const indicators = listState(group.value['indicators']);
    if (groups === 'other' || indicators === 'other') continue;
    const label = labelOf(group);
    if (groups === 'filled' && indicators === 'filled') {
      // Point at whichever list comes second: that is the one that breaks the rule.
      const atGroups = ctx.locate([...group.path, 'groups'], 'key');
      const atIndicators = ctx.locate([...group.path, 'indicators'], 'key');
      const second = compareLocations(atGroups, atIndicators) > 0 ? atGroups : atIndicators;
      diagnostics.push(makeDiagnostic('group-mixed-children', { group: label }, second));
    } else if (groups === 'none' && indicators === 'none') {
      const emptyList: ChildList | undefined = (['groups', 'indicators'] as const).find((key) => key in group.value);
      const at = emptyList === undefined ? ctx.locate(group.path) : ctx.locate([...group.path, emptyList], 'key');
      diagnostics.push(makeDiagnostic('group-no-children', { group: label }, at));
    }
  }
  return diagnostics;
}
