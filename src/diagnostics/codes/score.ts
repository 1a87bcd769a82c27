/**
 * Findings of the scoring engine (src/score): missing values under `fail`, values a transform
 * cannot take, imputations that found nothing to impute from, constant columns, and zero or
 * negative inputs to geometric and harmonic means.
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** ` in period '2022'` — nothing when the submissions have no period; `across all periods` when pooled. */
function inPeriod(args: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const period = args['period'];
  if (period === null) return lang === 'zh' ? '（全部时期合并）' : ' across all periods';
  if (typeof period !== 'string' || period === '') return '';
  return lang === 'zh' ? `（时期 ${q(period)}）` : ` in period ${q(period)}`;
}

const SUBJECT_EN = (args: DiagnosticArgs): string => `region ${q(args['region'])}${inPeriod(args, 'en')}`;
const SUBJECT_ZH = (args: DiagnosticArgs): string => `地区 ${q(args['region'])}${inPeriod(args, 'zh')}`;

export const SCORE_MESSAGES = {
  'value-missing-fail': {
    severity: 'error',
    en: (a) => `${SUBJECT_EN(a)} has no value for indicator ${q(a['indicator'])}, whose missing policy is 'fail'; the region is left unscored`,
    zh: (a) => `${SUBJECT_ZH(a)}缺少指标 ${q(a['indicator'])} 的值，该指标的缺失策略为 fail，该地区不予评分`,
    hint: {
      en: () => 'Fill in the value, or give the indicator another missing policy (reweight, zero, mean, median, group-mean).',
      zh: () => '请补填该值，或为该指标改用其他缺失策略（reweight、zero、mean、median、group-mean）。',
    },
  },
  'value-outside-transform-domain': {
    severity: 'error',
    en: (a) =>
      `${SUBJECT_EN(a)}: value ${q(a['value'])} of indicator ${q(a['indicator'])} is outside the domain of transform ${q(a['transform'])}; it is treated as missing`,
    zh: (a) => `${SUBJECT_ZH(a)}：指标 ${q(a['indicator'])} 的值 ${q(a['value'])} 超出变换 ${q(a['transform'])} 的定义域，按缺失处理`,
    hint: {
      en: () => 'log and log10 need values > 0, log1p values > −1, sqrt values ≥ 0. Check the value, or use log1p for counts that can be 0.',
      zh: () => 'log、log10 要求值 > 0，log1p 要求值 > −1，sqrt 要求值 ≥ 0。请核对该值；可能为 0 的计数可改用 log1p。',
    },
  },
  'impute-no-values': {
    severity: 'warning',
    en: (a) => `indicator ${q(a['indicator'])} has no value at all${inPeriod(a, 'en')}, so ${q(a['policy'])} cannot impute; its missing cells stay missing`,
    zh: (a) => `指标 ${q(a['indicator'])}${inPeriod(a, 'zh')}没有任何值，无法按 ${q(a['policy'])} 插补，缺失值保持缺失`,
  },
  'impute-group-fallback': {
    severity: 'warning',
    en: (a) =>
      `indicator ${q(a['indicator'])} has no value in group ${q(a['group'])}${inPeriod(a, 'en')}; its missing cells there were imputed with the mean of the whole period`,
    zh: (a) => `指标 ${q(a['indicator'])} 在分组 ${q(a['group'])}${inPeriod(a, 'zh')}中没有任何值，该组的缺失值改用整个时期的均值插补`,
  },
  'normalise-constant': {
    severity: 'warning',
    en: (a) =>
      `indicator ${q(a['indicator'])} is constant${inPeriod(a, 'en')} (${q(a['count'])} value(s)), so ${q(a['method'])} cannot tell regions apart; every region gets the midpoint`,
    zh: (a) => `指标 ${q(a['indicator'])}${inPeriod(a, 'zh')}为常数（${q(a['count'])} 个值），${q(a['method'])} 无法区分各地区，均取中间值`,
    hint: {
      en: () => 'A constant indicator adds nothing to the ranking; consider fixed goalposts (goalpost) or dropping it.',
      zh: () => '常数指标对排名没有区分作用；可考虑改用固定阈值（goalpost）或删除该指标。',
    },
  },
  'normalise-constant-outside-domain': {
    severity: 'error',
    en: (a) =>
      `indicator ${q(a['indicator'])}: ${q(a['constant'])} = ${q(a['value'])} is outside the domain of transform ${q(a['transform'])}; the indicator is not scored`,
    zh: (a) => `指标 ${q(a['indicator'])}：${q(a['constant'])} = ${q(a['value'])} 超出变换 ${q(a['transform'])} 的定义域，该指标不参与评分`,
    hint: {
      en: () => 'Goalposts and targets are written in the raw unit and transformed like the values: under log they must be > 0.',
      zh: () => '阈值和目标值以原始单位书写，并与数值一样做变换：使用 log 时它们必须 > 0。',
    },
  },
  'normalise-goalposts-equal': {
    severity: 'error',
    en: (a) => `indicator ${q(a['indicator'])}: goalposts min and max are equal (${q(a['min'])}); the indicator is not scored`,
    zh: (a) => `指标 ${q(a['indicator'])}：阈值 min 与 max 相等（${q(a['min'])}），该指标不参与评分`,
  },
  'normalise-target-not-positive': {
    severity: 'error',
    en: (a) =>
      `indicator ${q(a['indicator'])}: target ${q(a['target'])} is not positive after transform ${q(a['transform'])}, so min(x/target, 1) is meaningless; the indicator is not scored`,
    zh: (a) => `指标 ${q(a['indicator'])}：目标值 ${q(a['target'])} 经变换 ${q(a['transform'])} 后不为正数，min(x/target, 1) 无意义，该指标不参与评分`,
  },
  'aggregate-zero': {
    severity: 'warning',
    en: (a) =>
      `group ${q(a['group'])}${inPeriod(a, 'en')}: ${q(a['count'])} region(s) have a zero input to the ${q(a['method'])} mean, which makes the group's score 0`,
    zh: (a) => `分组 ${q(a['group'])}${inPeriod(a, 'zh')}：${q(a['count'])} 个地区存在为 0 的输入，${q(a['method'])} 平均后该组得分为 0`,
    hint: {
      en: () => 'A geometric or harmonic mean is 0 as soon as one input is 0. Use goalposts below the worst value, or arithmetic aggregation.',
      zh: () => '几何或调和平均中只要有一个输入为 0，结果即为 0。可将下限阈值设在最差值之下，或改用算术平均。',
    },
  },
  'aggregate-negative': {
    severity: 'error',
    en: (a) =>
      `group ${q(a['group'])}${inPeriod(a, 'en')}: ${q(a['count'])} region(s) have a negative input to the ${q(a['method'])} mean, which is undefined; the group is missing for them`,
    zh: (a) => `分组 ${q(a['group'])}${inPeriod(a, 'zh')}：${q(a['count'])} 个地区存在负的输入，${q(a['method'])} 平均无定义，这些地区该组得分缺失`,
    hint: {
      en: () => 'Negative scores come from z-scores kept unscaled (zscore with rescale: none); rescale them, or aggregate arithmetically.',
      zh: () => '负分来自未重新缩放的 z 分数（zscore 且 rescale: none）；请重新缩放，或改用算术平均。',
    },
  },
  'composite-missing': {
    severity: 'warning',
    en: (a) => `${SUBJECT_EN(a)} is left unscored: none of its dimensions has a usable score`,
    zh: (a) => `${SUBJECT_ZH(a)}不予评分：其所有维度均无可用得分`,
    hint: {
      en: () => 'Usually the row has no values at all (an empty or misaligned line); otherwise see the errors about its groups.',
      zh: () => '通常是该行没有任何数值（空行或列错位）；否则请查看其分组的相关错误。',
    },
  },
} as const satisfies MessageCatalog;
