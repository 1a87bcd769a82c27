/**
 * Text from submissions and frameworks is untrusted. Control characters in it would break a
 * grid (newlines) or drive the terminal (escape sequences that clear the screen or fake
 * colours), so anything shown to a person on a terminal or in a CI log goes through here.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/gu;

/** `text` with every control character shown as a space. */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ');
}

const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Like {@link printable}, but keeps line breaks for formats that encode them (GitHub annotations). */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_LINE_BREAKS, ' ');
}
