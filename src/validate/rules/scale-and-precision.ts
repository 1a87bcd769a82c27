/**
 * The two numbers that shape every reported score: `scale` (scores lie on [0, scale]) and
 * `precision` (decimals kept before ranking, so ties are decided on what readers see).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { formatNumber, isMap, isNumber } from './untrusted.js';

/** Beyond 10 decimals rounding no longer separates scores that differ only by float noise. */
export const MAX_PRECISION = 10;

/** `precision`, when given, is an integer from 0 to 10. */
export function precisionIsSmallInteger(ctx: RuleContext): Diagnostic[] {
  const root: unknown = ctx.input;
  const precision = isMap(root) ? root['precision'] : undefined;
  if (!isNumber(precision) || (Number.isInteger(precision) && precision >= 0 && precision <= MAX_PRECISION)) return [];
  return [makeDiagnostic('precision-invalid', { precision: formatNumber(precision), max: MAX_PRECISION }, ctx.locate(['precision']))];
}

/** `scale`, when given, is finite and > 0. */
export function scaleIsPositive(ctx: RuleContext): Diagnostic[] {
  const root: unknown = ctx.input;
  const scale = isMap(root) ? root['scale'] : undefined;
  if (!isNumber(scale) || (Number.isFinite(scale) && scale > 0)) return [];
  return [makeDiagnostic('scale-not-positive', { scale: formatNumber(scale) }, ctx.locate(['scale']))];
}
