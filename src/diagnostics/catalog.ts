import type { DiagnosticArgs, Severity } from './diagnostic.js';

/** How one diagnostic code is worded, in both languages, and how severe it is by default. */
export interface MessageSpec {
  readonly severity: Severity;
  readonly en: (args: DiagnosticArgs) => string;
  readonly zh: (args: DiagnosticArgs) => string;
  readonly hint?: { readonly en: (args: DiagnosticArgs) => string; readonly zh: (args: DiagnosticArgs) => string };
}

export type MessageCatalog = Readonly<Record<string, MessageSpec>>;

/** Render an argument for a sentence: strings quoted, lists as given. */
export function q(value: DiagnosticArgs[string]): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** `did you mean 'x'?` tail, or nothing when no suggestion was found. */
export function suggestion(args: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const s = args['suggestion'];
  if (typeof s !== 'string' || s === '') return '';
  return lang === 'zh' ? `（是否想写 '${s}'？）` : ` (did you mean '${s}'?)`;
}
