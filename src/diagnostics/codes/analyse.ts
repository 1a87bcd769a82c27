/**
 * Findings of the analyses (src/analyse): what the user asked for that the data does not have
 * (an unknown region or period, no group column), and rows or statistics an analysis had to
 * leave out. The first kind is located at the command-line option that named the thing
 * (`file: '--regions'`), since no file holds the mistake.
 */
import type { MessageCatalog } from '../catalog.js';
import { q, suggestion } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** `'2022'`, or nothing when the data has no period column. */
function periodEn(args: DiagnosticArgs): string {
  const period = args['period'];
  return typeof period === 'string' && period !== '' ? ` in period ${q(period)}` : '';
}

function periodZh(args: DiagnosticArgs): string {
  const period = args['period'];
  return typeof period === 'string' && period !== '' ? `（${period} 期）` : '';
}

/** The `known` list an analysis passes as one string; `(none)` when empty. */
function known(args: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const list = args['known'];
  if (typeof list === 'string' && list !== '') return list;
  return lang === 'zh' ? '（无）' : '(none)';
}

export const ANALYSE_MESSAGES = {
  'region-unknown': {
    severity: 'error',
    en: (a) => `no region matches ${q(a['query'])}${suggestion(a, 'en')}`,
    zh: (a) => `没有与 ${q(a['query'])} 匹配的地区${suggestion(a, 'zh')}`,
    hint: {
      en: (a) => `Name a region by its code, full name or short name. Regions in the data: ${known(a, 'en')}`,
      zh: (a) => `可用地区代码、全称或简称指定地区。数据中的地区：${known(a, 'zh')}`,
    },
  },
  'region-ambiguous': {
    severity: 'error',
    en: (a) => `${q(a['query'])} matches more than one region: ${a['matches']}`,
    zh: (a) => `${q(a['query'])} 匹配到多个地区：${a['matches']}`,
    hint: {
      en: () => 'Name the region by its code instead.',
      zh: () => '请改用地区代码指定。',
    },
  },
  'region-not-in-period': {
    severity: 'error',
    en: (a) => `region ${q(a['region'])} has no row${periodEn(a)}`,
    zh: (a) => `地区 ${q(a['region'])}${periodZh(a)}没有数据`,
    hint: {
      en: (a) => `It has rows in: ${known(a, 'en')}. Choose one of them with --period.`,
      zh: (a) => `该地区有数据的期间：${known(a, 'zh')}。请用 --period 选择其中之一。`,
    },
  },
  'period-unknown': {
    severity: 'error',
    en: (a) => `no period ${q(a['period'])} in the data${suggestion(a, 'en')}`,
    zh: (a) => `数据中没有期间 ${q(a['period'])}${suggestion(a, 'zh')}`,
    hint: {
      en: (a) => `Periods present: ${known(a, 'en')}`,
      zh: (a) => `现有期间：${known(a, 'zh')}`,
    },
  },
  'period-no-earlier': {
    severity: 'error',
    en: (a) => `there is no period before ${q(a['period'])} to compare it with`,
    zh: (a) => `期间 ${q(a['period'])} 之前没有可供比较的期间`,
    hint: {
      en: (a) => `Periods present: ${known(a, 'en')}. Name both sides with --from and --to, or give the earlier data set with --baseline.`,
      zh: (a) => `现有期间：${known(a, 'zh')}。请用 --from 和 --to 指定两期，或用 --baseline 提供基期数据。`,
    },
  },
  'group-column-absent': {
    severity: 'error',
    en: (a) => `no row has a value in the group column ${q(a['column'])}${periodEn(a)}, so regions cannot be compared by group`,
    zh: (a) => `分组列 ${q(a['column'])}${periodZh(a)}没有任何值，无法按分组比较`,
    hint: {
      en: () => 'Add a group column (e.g. east, central, west, northeast) to the submissions, or map yours with `columns: { group: … }` in the framework.',
      zh: () => '请在填报数据中加入分组列（如 east、central、west、northeast），或在指标框架中用 `columns: { group: … }` 指定所用的列名。',
    },
  },
  'group-empty': {
    severity: 'warning',
    en: (a) => `region ${q(a['region'])}${periodEn(a)} has no group and is left out of the group comparison`,
    zh: (a) => `地区 ${q(a['region'])}${periodZh(a)}未填分组，不参与分组比较`,
  },
  'theil-negative-score': {
    severity: 'warning',
    en: (a) => `${q(a['count'])} region(s)${periodEn(a)} have a negative composite score, for which the Theil index is undefined; it is not reported`,
    zh: (a) => `${q(a['count'])} 个地区${periodZh(a)}的综合得分为负，泰尔指数无定义，不予报告`,
    hint: {
      en: () => 'Negative scores come from unscaled z-scores (zscore with rescale: none) or unclipped goalposts (clip: false); rescale or clip them to use the Theil index.',
      zh: () => '负分来自未重新缩放的 z 分数（zscore 且 rescale: none）或未截断的阈值法（clip: false）；重新缩放或截断后才能计算泰尔指数。',
    },
  },
  'theil-zero-mean': {
    severity: 'warning',
    en: (a) => `every composite score${periodEn(a)} is 0, so the Theil index is undefined; it is not reported`,
    zh: (a) => `所有综合得分${periodZh(a)}均为 0，泰尔指数无定义，不予报告`,
  },
} as const satisfies MessageCatalog;
