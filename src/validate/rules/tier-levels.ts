/**
 * The list of tier levels as a whole. Under `rules` a region takes the first level whose rule
 * holds, so every level needs a rule and the catch-all `otherwise` must come last (a level
 * after it can never be reached). Under `natural-breaks` the composite is cut into one class
 * per level, which needs two levels at least and uses no rules.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf } from './framework-tree.js';
import { readTierSet } from './tier-rule-sites.js';

/** Under `rules`, every level has a rule. */
export function tierLevelsHaveRules(ctx: RuleContext): Diagnostic[] {
  const tiers = readTierSet(ctx.input);
  if (tiers?.method !== 'rules') return [];
  return tiers.levels
    .filter((level) => level.value['rule'] === undefined || level.value['rule'] === null)
    .map((level) => makeDiagnostic('tier-level-rule-missing', { level: labelOf(level) }, ctx.locate(level.path)));
}

/** Under `rules`, exactly one level's rule is `otherwise`, and it is the last level. */
export function otherwiseEndsTheTiers(ctx: RuleContext): Diagnostic[] {
  const tiers = readTierSet(ctx.input);
  if (tiers?.method !== 'rules') return [];
  const last = tiers.levels[tiers.levels.length - 1];
  const catchAll = tiers.levels.findIndex((level) => level.value['rule'] === 'otherwise');
  if (last === undefined) return [];
  if (catchAll < 0) {
    const at = last.value['rule'] === undefined ? ctx.locate(last.path) : ctx.locate([...last.path, 'rule']);
    return [makeDiagnostic('tier-otherwise-missing', { level: labelOf(last) }, at)];
  }
  const otherwiseLevel = tiers.levels[catchAll];
  return tiers.levels
    .slice(catchAll + 1)
    .map((level) =>
      makeDiagnostic(
        'tier-level-unreachable',
        { level: labelOf(level), otherwise: otherwiseLevel ? labelOf(otherwiseLevel) : '' },
        ctx.locate([...level.path, 'id']),
      ),
    );
}

/** Under `natural-breaks`, at least two levels: one class is no classification. */
export function naturalBreaksHaveTwoLevels(ctx: RuleContext): Diagnostic[] {
  const tiers = readTierSet(ctx.input);
  if (tiers?.method !== 'natural-breaks' || tiers.levels.length >= 2 || !Array.isArray(tiers.value['levels'])) return [];
  return [makeDiagnostic('tier-breaks-too-few-levels', { count: tiers.levels.length }, ctx.locate(['tiers', 'levels']))];
}

/** Under `natural-breaks`, levels carry no rule (scoring ignores them). */
export function naturalBreaksLevelsHaveNoRules(ctx: RuleContext): Diagnostic[] {
  const tiers = readTierSet(ctx.input);
  if (tiers?.method !== 'natural-breaks') return [];
  return tiers.levels
    .filter((level) => level.value['rule'] !== undefined)
    .map((level) => makeDiagnostic('tier-breaks-rule-ignored', { level: labelOf(level) }, ctx.locate([...level.path, 'rule'], 'key')));
}
