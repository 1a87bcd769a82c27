/**
 * Data preparation (issue 10): the framework keys `denominator`, `screen` and `treat`, what the
 * engine finds while denominating, screening and treating, and the findings of `dgmi audit`.
 */
import { q, type MessageCatalog } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

function inPeriod(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const period = a['period'];
  if (period === null) return lang === 'zh' ? '（全部时期合并）' : ' across all periods';
  if (typeof period !== 'string' || period === '') return '';
  return lang === 'zh' ? `（时期 ${q(period)}）` : ` in period ${q(period)}`;
}

function percent(x: DiagnosticArgs[string]): string {
  return typeof x === 'number' ? `${(100 * x).toFixed(1)}%` : String(x ?? '');
}

const PROBLEM = {
  missing: { en: 'is missing', zh: '缺失' },
  zero: { en: 'is zero', zh: '为 0' },
  negative: { en: 'is negative', zh: '为负数' },
} as const;

function problem(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const p = a['problem'];
  return p === 'missing' || p === 'zero' || p === 'negative' ? PROBLEM[p][lang] : '';
}

export const PREPARE_MESSAGES = {
  // Framework rules
  'screen-coverage-not-share': {
    severity: 'error',
    en: (a) => `screen.min_coverage is ${q(a['value'])}; it is a share of indicators and must lie in (0, 1]`,
    zh: (a) => `screen.min_coverage 为 ${q(a['value'])}；它是指标覆盖比例，必须在 (0, 1] 之间`,
    hint: { en: () => 'Write 0.9 for "at least 90% of the indicators".', zh: () => '"至少 90% 的指标有值" 请写作 0.9。' },
  },
  'denominator-factor-not-positive': {
    severity: 'error',
    en: (a) => `indicator ${q(a['indicator'])}: denominator_factor ${q(a['value'])} must be a finite number > 0`,
    zh: (a) => `指标 ${q(a['indicator'])}：denominator_factor ${q(a['value'])} 必须是大于 0 的有限数`,
    hint: { en: () => 'Example: denominator_factor: 10000 for "per 10,000".', zh: () => '例如"每万人"写作 denominator_factor: 10000。' },
  },
  'denominator-factor-without-denominator': {
    severity: 'warning',
    en: (a) => `indicator ${q(a['indicator'])} has denominator_factor but no denominator; the factor is ignored`,
    zh: (a) => `指标 ${q(a['indicator'])} 设置了 denominator_factor 但没有 denominator，该系数被忽略`,
    hint: { en: () => 'Add `denominator: COLUMN`, or delete the factor.', zh: () => '请补充 `denominator: 列名`，或删除该系数。' },
  },
  'denominator-is-not-data-column': {
    severity: 'error',
    en: (a) => `indicator ${q(a['indicator'])}: denominator ${q(a['column'])} is ${a['role'] === 'indicator' ? 'an indicator' : `the ${String(a['role'])} column`}; a denominator is a separate column of the submission (Population, GDP…)`,
    zh: (a) => `指标 ${q(a['indicator'])}：分母 ${q(a['column'])} ${a['role'] === 'indicator' ? '是一个指标' : `是 ${String(a['role'])} 列`}；分母应为填报表中单独的一列（人口、GDP 等）`,
  },
  'treat-on-categorical': {
    severity: 'error',
    en: (a) => `indicator ${q(a['indicator'])} is ${a['kind'] === 'boolean' ? 'a yes/no (boolean)' : 'a levels'} indicator; outlier treatment only applies to measured quantities`,
    zh: (a) => `指标 ${q(a['indicator'])} 是${a['kind'] === 'boolean' ? '是/否（boolean）' : '等级（levels）'}指标；异常值处理只适用于计量型指标`,
    hint: { en: () => 'Delete its treat (or write `treat: none`).', zh: () => '请删除其 treat（或写 `treat: none`）。' },
  },
  'treat-limit-invalid': {
    severity: 'error',
    en: (a) => `treat.${String(a['key'])} is ${q(a['value'])}; it must be ${a['key'] === 'max_points' ? 'a whole number ≥ 0' : 'a finite number > 0'}`,
    zh: (a) => `treat.${String(a['key'])} 为 ${q(a['value'])}；它必须是${a['key'] === 'max_points' ? '≥ 0 的整数' : '大于 0 的有限数'}`,
    hint: { en: () => "COINr's defaults: skew 2, kurtosis 3.5, max_points 5.", zh: () => 'COINr 的默认值：skew 2，kurtosis 3.5，max_points 5。' },
  },
  // Scoring
  'denominator-column-missing': {
    severity: 'error',
    en: (a) => `indicator ${q(a['indicator'])} is divided by column ${q(a['column'])}, which no submission has; without it no unit is scored`,
    zh: (a) => `指标 ${q(a['indicator'])} 以列 ${q(a['column'])} 为分母，但填报文件中没有该列；缺少该列时所有地区均不予评分`,
    hint: { en: () => 'Add the column to the submission, or correct `denominator:` in the framework.', zh: () => '请在填报文件中补充该列，或修正框架中的 `denominator:`。' },
  },
  'denominator-value-missing': {
    severity: 'warning',
    en: (a) =>
      `region ${q(a['region'])}${inPeriod(a, 'en')}: denominator ${q(a['column'])} of indicator ${q(a['indicator'])} is missing, so the value cannot be divided; it is treated as missing (the indicator's missing policy applies)`,
    zh: (a) =>
      `地区 ${q(a['region'])}${inPeriod(a, 'zh')}：指标 ${q(a['indicator'])} 的分母 ${q(a['column'])} 缺失，无法相除；该值按缺失处理（适用该指标的缺失值规则）`,
    hint: { en: () => 'Fill in the denominator if it is known.', zh: () => '如已知，请补填分母。' },
  },
  'denominator-value-invalid': {
    severity: 'error',
    en: (a) =>
      `region ${q(a['region'])}${inPeriod(a, 'en')}: denominator ${q(a['column'])} of indicator ${q(a['indicator'])} ${problem(a, 'en')}${a['value'] === undefined || a['value'] === null ? '' : ` (${String(a['value'])})`}, so the value cannot be divided; the region is left unscored`,
    zh: (a) =>
      `地区 ${q(a['region'])}${inPeriod(a, 'zh')}：指标 ${q(a['indicator'])} 的分母 ${q(a['column'])} ${problem(a, 'zh')}${a['value'] === undefined || a['value'] === null ? '' : `（${String(a['value'])}）`}，无法相除；该地区不予评分`,
    hint: { en: () => 'A denominator must be a number > 0 (population, area, GDP…).', zh: () => '分母必须是大于 0 的数（人口、面积、GDP 等）。' },
  },
  'unit-screened-out': {
    severity: 'info',
    en: (a) => `region ${q(a['region'])}${inPeriod(a, 'en')} has values for ${percent(a['coverage'])} of the indicators, below screen.min_coverage ${percent(a['minCoverage'])}; it is not scored and left out of everyone's normalisation`,
    zh: (a) => `地区 ${q(a['region'])}${inPeriod(a, 'zh')}仅有 ${percent(a['coverage'])} 的指标有值，低于 screen.min_coverage ${percent(a['minCoverage'])}；该地区不予评分，也不参与其他地区的归一化`,
  },
  'treat-still-failing': {
    severity: 'warning',
    en: (a) => `indicator ${q(a['indicator'])}${inPeriod(a, 'en')} still has |skew| ${q(a['skew'])} and kurtosis ${q(a['kurtosis'])} after ${String(a['method'])}; its outliers may still dominate the min–max`,
    zh: (a) => `指标 ${q(a['indicator'])}${inPeriod(a, 'zh')}经 ${String(a['method'])} 处理后偏度 ${q(a['skew'])}、峰度 ${q(a['kurtosis'])} 仍超出阈值，异常值可能仍主导 min–max`,
  },
  // Audit
  'audit-outlier-rule-fires': {
    severity: 'info',
    en: (a) => `indicator ${q(a['indicator'])}${inPeriod(a, 'en')}: skew ${q(a['skew'])}, kurtosis ${q(a['kurtosis'])} fail the outlier test; treatment would ${a['method'] === 'log' ? 'fall back to the log' : `winsorise ${String(a['points'])} point(s)`}`,
    zh: (a) => `指标 ${q(a['indicator'])}${inPeriod(a, 'zh')}：偏度 ${q(a['skew'])}、峰度 ${q(a['kurtosis'])} 未通过异常值检验；处理将${a['method'] === 'log' ? '退回对数变换' : `缩尾 ${String(a['points'])} 个点`}`,
  },
  'audit-correlation-negative': {
    severity: 'warning',
    en: (a) => `indicator ${q(a['indicator'])} correlates negatively with ${q(a['with'])} (r = ${q(a['r'])}); it pulls against the aggregate it belongs to`,
    zh: (a) => `指标 ${q(a['indicator'])} 与 ${q(a['with'])} 负相关（r = ${q(a['r'])}），与其所属的合成指标方向相反`,
    hint: { en: () => 'Check its direction (positive/negative) and what it measures.', zh: () => '请检查其方向（positive/negative）及其测量内容。' },
  },
  'audit-correlation-weak': {
    severity: 'warning',
    en: (a) => `indicator ${q(a['indicator'])} barely correlates with ${q(a['with'])} (r = ${q(a['r'])}); it adds little to the aggregate or measures something else`,
    zh: (a) => `指标 ${q(a['indicator'])} 与 ${q(a['with'])} 几乎不相关（r = ${q(a['r'])}），对合成指标贡献很小或测量的是其他内容`,
  },
  'audit-pair-redundant': {
    severity: 'warning',
    en: (a) => `indicators ${q(a['indicator'])} and ${q(a['other'])} of group ${q(a['group'])} correlate at r = ${q(a['r'])} (> 0.92); one may be redundant, double-counting the same thing`,
    zh: (a) => `分组 ${q(a['group'])} 中指标 ${q(a['indicator'])} 与 ${q(a['other'])} 的相关系数 r = ${q(a['r'])}（> 0.92），可能重复计量同一内容`,
  },
  'audit-alpha-low': {
    severity: 'warning',
    en: (a) => `group ${q(a['group'])} has Cronbach's alpha ${q(a['alpha'])} (< 0.7); its indicators do not measure one thing consistently`,
    zh: (a) => `分组 ${q(a['group'])} 的 Cronbach α 为 ${q(a['alpha'])}（< 0.7），其指标未能一致地测量同一概念`,
  },
} as const satisfies MessageCatalog;
