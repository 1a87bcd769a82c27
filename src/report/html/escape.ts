/**
 * HTML escaping for everything that came from a file (region, indicator and framework text,
 * file paths): the five characters that can end an element, an attribute or start markup.
 * The report puts such text only into element content and double-quoted attribute values, so
 * escaping these five is enough; nothing from a file ever goes into a tag name, an unquoted
 * attribute, a URL, a style or a script.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe to place in element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? c);
}

/** A CSS colour from a framework (`tiers.levels[].color`), or `fallback` unless it is exactly `#rrggbb`. */
export function safeColour(colour: string | undefined, fallback: string): string {
  return colour !== undefined && /^#[0-9a-fA-F]{6}$/u.test(colour) ? colour : fallback;
}
