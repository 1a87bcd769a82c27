/**
 * Diagnostics of `dgmi explain` (src/analyse/explain*.ts). Unknown regions and periods reuse the
 * analyses' codes (`region-unknown`, `period-unknown`, `region-not-in-period`); these are the
 * cases only an explanation meets: a region that has no score or no tier to explain.
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

function periodEn(args: DiagnosticArgs): string {
  const period = args['period'];
  return typeof period === 'string' && period !== '' ? ` in period ${q(period)}` : '';
}

function periodZh(args: DiagnosticArgs): string {
  const period = args['period'];
  return typeof period === 'string' && period !== '' ? `${period} 期` : '';
}

export const EXPLAIN_MESSAGES = {
  'explain-region-unscored': {
    severity: 'error',
    en: (a) => `region ${q(a['region'])} has no composite score${periodEn(a)}, so there is nothing to explain`,
    zh: (a) => `地区 ${q(a['region'])}${periodZh(a)}没有综合得分，无法解释`,
    hint: {
      en: () => 'Fix the data errors reported for this region (or the indicators whose missing policy is `fail`), then run explain again.',
      zh: () => '请先修正该地区报告的数据错误（或缺失值策略为 `fail` 的指标），再运行 explain。',
    },
  },
  'explain-no-tiers': {
    severity: 'info',
    en: (a) => `framework ${q(a['framework'])} defines no tiers: explain shows the score, rank and indicator weights only`,
    zh: (a) => `指标框架 ${q(a['framework'])} 未定义等级：explain 只给出得分、排名和指标权重`,
    hint: {
      en: () => 'Add `tiers` to the framework to get "why this tier" and "what it takes to reach the next one".',
      zh: () => '在指标框架中加入 `tiers`，即可得到“为何处于该等级”和“进入上一等级需要什么”。',
    },
  },
  'explain-region-untiered': {
    severity: 'warning',
    en: (a) => `region ${q(a['region'])}${periodEn(a)} matched no tier level; explain aims at the lowest level`,
    zh: (a) => `地区 ${q(a['region'])}${periodZh(a)}不符合任何等级规则；explain 以最低等级为目标`,
    hint: {
      en: () => "end the tier levels with a catch-all level whose rule is 'otherwise'",
      zh: () => "在等级列表末尾加一个规则为 'otherwise' 的兜底等级",
    },
  },
} as const satisfies MessageCatalog;

export type ExplainDiagnosticCode = keyof typeof EXPLAIN_MESSAGES;
