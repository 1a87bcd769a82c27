/**
 * Findings about an uncertainty file (`dgmi sensitivity --spec`) and the sensitivity options:
 * a value out of range, an assumption the framework cannot take (e.g. winsorisation limits when
 * nothing is treated).
 * Shape errors reuse the framework schema's codes (`schema-unknown-field`, `schema-enum`, …),
 * whose wording does not depend on which YAML file it is. Options given on the command line are
 * located at the option (`file: '--runs'`), since no file holds the mistake.
 */
import { q, type MessageCatalog } from '../catalog.js';

export const SENSITIVITY_MESSAGES = {
  'sensitivity-format-unsupported': {
    severity: 'error',
    en: (a) => `Unsupported uncertainty file format ${q(a['found'])}`,
    zh: (a) => `不支持的不确定性文件格式 ${q(a['found'])}`,
    hint: { en: (a) => `Write \`format: ${a['expected']}\` or leave the key out.`, zh: (a) => `请写 \`format: ${a['expected']}\`，或省略该键。` },
  },
  'sensitivity-out-of-range': {
    severity: 'error',
    en: (a) => `${q(a['field'])} is ${a['found']}, outside ${a['range']}`,
    zh: (a) => `${q(a['field'])} 为 ${a['found']}，超出 ${a['range']}`,
    hint: { en: (a) => `Give a value in ${a['range']}.`, zh: (a) => `请给出 ${a['range']} 内的值。` },
  },
  'sensitivity-option-invalid': {
    severity: 'error',
    en: (a) => `${a['option']} ${q(a['found'])} is not ${a['expected']}`,
    zh: (a) => `${a['option']} 的值 ${q(a['found'])} 不是${a['expectedZh']}`,
    hint: { en: (a) => `Example: ${a['option']} ${a['example']}`, zh: (a) => `示例：${a['option']} ${a['example']}` },
  },
  'sensitivity-winsorise-untreated': {
    severity: 'error',
    en: () => 'The winsorisation limit is uncertain, but the framework treats no indicator for outliers',
    zh: () => '缩尾点数上限被设为不确定，但框架未对任何指标做异常值处理',
    hint: {
      en: () => 'Add `treat: { method: winsorise }` to the framework (top level or per indicator; docs/preparation.md), or remove `winsorise:` from the assumptions.',
      zh: () => '请在框架中加入 `treat: { method: winsorise }`（顶层或单个指标；见 docs/preparation.md），或从 assumptions 中删除 `winsorise:`。',
    },
  },
  'sensitivity-no-assumptions': {
    severity: 'error',
    en: () => 'No uncertain assumption: every replication would be the nominal result',
    zh: () => '没有不确定的假设：每次重复都会得到名义结果',
    hint: {
      en: () => 'Give at least one of weights (with noise > 0) or two options of normalise, aggregate, missing or winsorise under `assumptions:`.',
      zh: () => '请在 `assumptions:` 下至少给出一项：权重（noise > 0），或 normalise、aggregate、missing、winsorise 之一的两个选项。',
    },
  },
  'sensitivity-weights-level-empty': {
    severity: 'error',
    en: (a) => `The framework has no groups at level ${a['level']} (its deepest group level is ${a['deepest']})`,
    zh: (a) => `框架在第 ${a['level']} 层没有分组（最深的分组层为 ${a['deepest']}）`,
    hint: { en: () => 'Level 1 is the dimensions, 2 their sub-groups, …; `indicators` perturbs the indicator weights.', zh: () => '第 1 层为维度，第 2 层为其子分组……；`indicators` 表示扰动指标权重。' },
  },
  'sensitivity-option-duplicate': {
    severity: 'error',
    en: (a) => `${q(a['field'])} lists ${q(a['option'])} twice`,
    zh: (a) => `${q(a['field'])} 重复列出了 ${q(a['option'])}`,
    hint: { en: () => 'Options are drawn uniformly; a repeated one would be drawn twice as often. Remove the repeat.', zh: () => '各选项等概率抽取，重复的选项会被抽中两倍次数。请删除重复项。' },
  },
  'sensitivity-normalise-unusable': {
    severity: 'error',
    en: (a) => `Normalisation ${q(a['option'])} cannot be applied to every indicator of this framework`,
    zh: (a) => `归一化方法 ${q(a['option'])} 无法用于本框架的全部指标`,
    hint: {
      en: () => 'goalpost and target need constants per indicator, and none needs values already on [0, 1]; use framework, minmax, zscore, zscore-raw, rank, { method: minmax, range: [lo, hi] } or { method: zscore, mean, sd }.',
      zh: () => 'goalpost 与 target 需要每个指标各自的常数，none 要求数值已在 [0, 1] 内；请使用 framework、minmax、zscore、zscore-raw、rank、{ method: minmax, range: [lo, hi] } 或 { method: zscore, mean, sd }。',
    },
  },
  'sensitivity-normalise-negative': {
    severity: 'error',
    en: (a) => `Normalisation 'zscore-raw' gives negative scores, which the aggregation ${q(a['method'])} cannot take`,
    zh: (a) => `归一化方法 'zscore-raw' 会产生负分，聚合方法 ${q(a['method'])} 无法处理`,
    hint: { en: () => 'Use zscore (z-scores rescaled onto [0, scale]) or drop the geometric/harmonic option.', zh: () => '请改用 zscore（z 分数再缩放到 [0, 量程]），或去掉 geometric/harmonic 选项。' },
  },
  'sensitivity-too-large': {
    severity: 'error',
    en: (a) => `Too many regions for the rank statistics: ${a['rows']} rows with up to ${a['ranks']} ranks need ${a['megabytes']} MB of counters`,
    zh: (a) => `地区过多，无法统计排名：${a['rows']} 行、最多 ${a['ranks']} 个名次需要 ${a['megabytes']} MB 计数器`,
    hint: { en: () => 'Analyse one period at a time (a submission per period).', zh: () => '请逐期分析（每期一份数据）。' },
  },
} as const satisfies MessageCatalog;
