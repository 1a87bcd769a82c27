/**
 * Reading a framework that may not have the shape its type claims. Rules run even when the
 * schema stage failed, so every read goes through these guards instead of trusting
 * `FrameworkInput`: a `weight: "x"` or `dimensions: 5` must give a schema error, not a crash.
 */

/** A YAML mapping as `toJS` gives it (never an array, never null). */
export type UntrustedMap = Readonly<Record<string, unknown>>;

/** True for a plain mapping: not null, not an array. */
export function isMap(value: unknown): value is UntrustedMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number of any kind, including NaN and ±Infinity (YAML `.nan`, `.inf`), which rules must see. */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** The items of a list, or none when the value is not a list. */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The `[min, max]` of a range when both ends are numbers; undefined for anything else. */
export function rangeOf(value: unknown): { readonly min: number; readonly max: number } | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [min, max] = value as unknown[];
  return isNumber(min) && isNumber(max) ? { min, max } : undefined;
}

/** A range usable as a reference for other checks: both ends finite and min < max. */
export function orderedRangeOf(value: unknown): { readonly min: number; readonly max: number } | undefined {
  const range = rangeOf(value);
  return range && Number.isFinite(range.min) && Number.isFinite(range.max) && range.min < range.max ? range : undefined;
}

/** A number written back the way a YAML author would recognise it (`.inf`, `.nan`). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}
