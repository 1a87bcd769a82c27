/**
 * Data preparation keys (issue 10): `denominator` / `denominator_factor` on indicators, the
 * top-level `screen`, and `treat` at the top level or on an indicator. The schema checks their
 * shape; these rules check what a shape cannot say.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { RuleContext } from '../rule-context.js';
import { DEFAULT_COLUMNS } from '../resolve.js';
import { idOf, labelOf, readFrameworkTree } from './framework-tree.js';
import { formatNumber, isMap, isNumber } from './untrusted.js';

/** `screen.min_coverage` is a share in (0, 1]: 0 would screen nobody, above 1 everybody. */
export function screenCoverageIsAShare(ctx: RuleContext): Diagnostic[] {
  const screen = readFrameworkTree(ctx.input).root?.['screen'];
  if (!isMap(screen)) return [];
  const value = screen['min_coverage'];
  if (!isNumber(value) || (value > 0 && value <= 1)) return [];
  return [makeDiagnostic('screen-coverage-not-share', { value: formatNumber(value) }, ctx.locate(['screen', 'min_coverage']))];
}

/** A `denominator_factor` is finite and > 0, and comes with a `denominator`. */
export function denominatorFactorsArePositive(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const factor = indicator.value['denominator_factor'];
    if (factor === undefined) continue;
    const at = ctx.locate([...indicator.path, 'denominator_factor']);
    if (isNumber(factor) && !(factor > 0 && Number.isFinite(factor))) {
      diagnostics.push(makeDiagnostic('denominator-factor-not-positive', { indicator: labelOf(indicator), value: formatNumber(factor) }, at));
    }
    if (indicator.value['denominator'] === undefined) {
      diagnostics.push(makeDiagnostic('denominator-factor-without-denominator', { indicator: labelOf(indicator) }, at));
    }
  }
  return diagnostics;
}

/** A denominator is a column of its own: not an indicator (whose value would be scored twice) and not the region, name, group or period column. */
export function denominatorsAreDataColumns(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const ids = new Set(tree.indicators.map(idOf).filter((id): id is string => id !== undefined));
  const columns = tree.root?.['columns'];
  const written = isMap(columns) ? columns : {};
  const roles = new Map<string, string>();
  for (const role of ['region', 'name', 'group', 'period'] as const) {
    const name = written[role];
    roles.set(typeof name === 'string' ? name : DEFAULT_COLUMNS[role], role);
  }
  const diagnostics: Diagnostic[] = [];
  for (const indicator of tree.indicators) {
    const column = indicator.value['denominator'];
    if (typeof column !== 'string') continue;
    const role = ids.has(column) ? 'indicator' : roles.get(column);
    if (role === undefined) continue;
    diagnostics.push(makeDiagnostic('denominator-is-not-data-column', { indicator: labelOf(indicator), column, role }, ctx.locate([...indicator.path, 'denominator'])));
  }
  return diagnostics;
}

/** An indicator's own `treat` (other than none) is on a measured quantity, not on yes/no answers or levels. */
export function treatmentsFitMeasuredIndicators(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const treat = indicator.value['treat'];
    if (treat === undefined || treat === 'none') continue;
    const kind = indicator.value['unit'] === 'boolean' ? 'boolean' : indicator.value['levels'] !== undefined ? 'levels' : undefined;
    if (kind === undefined) continue;
    diagnostics.push(makeDiagnostic('treat-on-categorical', { indicator: labelOf(indicator), kind }, ctx.locate([...indicator.path, 'treat'])));
  }
  return diagnostics;
}

/** `skew` and `kurtosis` limits are finite and > 0; `max_points` is a whole number ≥ 0 (0: straight to the fallback). */
export function treatLimitsAreValid(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (treat: unknown, path: DocumentPath): void => {
    if (!isMap(treat)) return;
    for (const key of ['skew', 'kurtosis', 'max_points'] as const) {
      const value = treat[key];
      if (!isNumber(value)) continue;
      const isValid = key === 'max_points' ? Number.isInteger(value) && value >= 0 : Number.isFinite(value) && value > 0;
      if (!isValid) diagnostics.push(makeDiagnostic('treat-limit-invalid', { key, value: formatNumber(value) }, ctx.locate([...path, key])));
    }
  };
  const tree = readFrameworkTree(ctx.input);
  check(tree.root?.['treat'], ['treat']);
  for (const indicator of tree.indicators) check(indicator.value['treat'], [...indicator.path, 'treat']);
  return diagnostics;
}
