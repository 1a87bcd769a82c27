/** Languages dgmi speaks to people in. Machine output (codes, ids, JSON keys) is language-free. */
export type Lang = 'en' | 'zh';

export const LANGS = ['en', 'zh'] as const satisfies readonly Lang[];

/** A label in Chinese and/or English; at least one is present after validation. */
export interface LocalizedText {
  readonly zh?: string | undefined;
  readonly en?: string | undefined;
}

/** The label in `lang`, falling back to the other language, then to `fallback`. */
export function pickText(text: LocalizedText | undefined, lang: Lang, fallback = ''): string {
  if (!text) return fallback;
  const first = lang === 'zh' ? text.zh : text.en;
  const second = lang === 'zh' ? text.en : text.zh;
  return first ?? second ?? fallback;
}
