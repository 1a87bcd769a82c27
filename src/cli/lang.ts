import type { Lang } from '../model/i18n.js';

/** `--lang` wins; otherwise the locale (LC_ALL, LC_MESSAGES, LANG) decides; English by default. */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
