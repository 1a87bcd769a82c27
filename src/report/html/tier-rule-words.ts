/**
 * A tier rule read back in words, for the report's summary: `排名 ≤ 4`, `rank ≤ 13 or any
 * dimension's rank ≤ 3`. The explain formatters describe a rule as it held for one region
 * (with observed values); this says what the rule is, for every region at once.
 */
import type { Bounds } from '../../model/framework.js';
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ResolvedFramework, TierRule } from '../../model/resolved.js';

const MEASURE: Readonly<Record<Lang, Readonly<Record<'score' | 'rank' | 'percentile', string>>>> = {
  zh: { score: '得分', rank: '排名', percentile: '百分位' },
  en: { score: 'score', rank: 'rank', percentile: 'percentile' },
};

function bound(x: number, measure: 'score' | 'rank' | 'percentile'): string {
  return measure === 'rank' ? String(x) : String(Number(x.toFixed(4)));
}

/** `80 ≤ 得分 ≤ 90`, `排名 ≤ 4`, `score ≥ 60`; `得分（不限）` for empty bounds. */
export function boundsText(label: string, measure: 'score' | 'rank' | 'percentile', bounds: Bounds, lang: Lang): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return `${bound(min, measure)} ≤ ${label} ≤ ${bound(max, measure)}`;
  if (max !== undefined) return `${label} ≤ ${bound(max, measure)}`;
  if (min !== undefined) return `${label} ≥ ${bound(min, measure)}`;
  return lang === 'zh' ? `${label}（不限）` : `${label} (any)`;
}

/** The rule in words; nested `all`/`any` are bracketed so the reading is unambiguous. */
export function tierRuleText(rule: TierRule, framework: ResolvedFramework, lang: Lang, nested = false): string {
  const measure = MEASURE[lang];
  const wrap = (text: string): string => (nested ? (lang === 'zh' ? `（${text}）` : `(${text})`) : text);
  switch (rule.kind) {
    case 'otherwise':
      return lang === 'zh' ? '其余地区' : 'all other regions';
    case 'score':
    case 'rank':
    case 'percentile':
      return boundsText(measure[rule.kind], rule.kind, rule.bounds, lang);
    case 'dimension': {
      const name = pickText(framework.nodeById.get(rule.id)?.name, lang, rule.id);
      const label = lang === 'zh' ? `「${name}」${measure[rule.measure]}` : `${name} ${measure[rule.measure]}`;
      return boundsText(label, rule.measure, rule.bounds, lang);
    }
    case 'any_dimension': {
      const label = lang === 'zh' ? `任一维度${measure[rule.measure]}` : `any dimension's ${measure[rule.measure]}`;
      return boundsText(label, rule.measure, rule.bounds, lang);
    }
    case 'all':
      return wrap(rule.rules.map((r) => tierRuleText(r, framework, lang, true)).join(lang === 'zh' ? ' 且 ' : ' and '));
    case 'any':
      return wrap(rule.rules.map((r) => tierRuleText(r, framework, lang, true)).join(lang === 'zh' ? ' 或 ' : ' or '));
    case 'not':
      return lang === 'zh' ? `非（${tierRuleText(rule.rule, framework, lang)}）` : `not (${tierRuleText(rule.rule, framework, lang)})`;
  }
}
