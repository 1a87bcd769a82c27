/**
 * Region references (`regions:` in a framework: the built-in cn-provinces table or a regions
 * CSV), the regions submissions name, and what `dgmi validate --data` finds missing: required
 * regions without a row, and missing values with the policy the score would apply to them.
 */
import { q, suggestion, type MessageCatalog } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** ` (period '2022')` / `（2022 期）`, or nothing when the data have no period. */
function periodOf(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const period = a['period'];
  if (typeof period !== 'string' || period === '') return '';
  return lang === 'zh' ? `（${period} 期）` : ` (period ${q(period)})`;
}

/** `'330000' 浙江` — the code, and the name when there is one. */
function regionOf(a: DiagnosticArgs): string {
  const name = a['name'];
  return typeof name === 'string' && name !== '' ? `${q(a['region'])} ${name}` : q(a['region']);
}

/** What the score does with a missing value under each policy (why it is only a warning). */
const POLICY_EFFECT: Readonly<Record<string, { en: string; zh: string }>> = {
  fail: { en: 'the region would be left unscored', zh: '该地区将不予评分' },
  reweight: { en: 'the score would leave it out and share its weight among its siblings', zh: '评分时将剔除该值，其权重由同组其他指标分担' },
  zero: { en: 'the score would count it as 0', zh: '评分时按 0 分计' },
  mean: { en: "the score would impute the period's mean", zh: '评分时以当期均值插补' },
  median: { en: "the score would impute the period's median", zh: '评分时以当期中位数插补' },
  'group-mean': { en: "the score would impute the mean of the region's group in that period", zh: '评分时以当期同分组均值插补' },
};

function policyEffect(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const effect = POLICY_EFFECT[String(a['policy'])];
  return effect ? effect[lang] : '';
}

/** `did you mean '浙江' (330000)?` — the suggestion with the code it stands for. */
function regionSuggestion(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const code = a['suggestionCode'];
  const base = suggestion(a, lang);
  if (base === '' || typeof code !== 'string' || code === '' || code === a['suggestion']) return base;
  return lang === 'zh' ? `（是否想写 '${String(a['suggestion'])}'，即 ${code}？）` : ` (did you mean '${String(a['suggestion'])}', ${code}?)`;
}

export const REGIONS_MESSAGES = {
  'regions-unknown-table': {
    severity: 'error',
    en: (a) => `regions: ${q(a['name'])} is neither a built-in region table (${String(a['tables'])}) nor a .csv file${suggestion(a, 'en')}`,
    zh: (a) => `regions: ${q(a['name'])} 既不是内置地区表（${String(a['tables'])}），也不是 .csv 文件${suggestion(a, 'zh')}`,
    hint: {
      en: () => 'Write `regions: cn-provinces` for China\'s provincial-level divisions, or the path of a CSV file (code,name[,short][,group]) relative to the framework.',
      zh: () => '省级地区请写 `regions: cn-provinces`；其他地区请写 CSV 文件路径（列为 code,name[,short][,group]，相对于框架文件）。',
    },
  },
  'regions-column-missing': {
    severity: 'error',
    en: (a) => `The region list ${q(a['path'])} has no code column; no region could be read from it`,
    zh: (a) => `地区列表 ${q(a['path'])} 没有 code（代码）列，无法读取任何地区`,
    hint: { en: () => 'The header must name the columns code,name[,short][,group].', zh: () => '表头应为 code,name[,short][,group]（或 代码,名称,简称,分组）。' },
  },
  'regions-column-unknown': {
    severity: 'warning',
    en: (a) => `Column ${q(a['header'])} of the region list is not one of code, name, short, group, en; it was ignored`,
    zh: (a) => `地区列表的列 ${q(a['header'])} 不是 code、name、short、group、en 之一，已忽略`,
  },
  'regions-code-empty': {
    severity: 'error',
    en: () => 'This row of the region list has no code; it was skipped',
    zh: () => '地区列表的此行没有代码，已跳过',
    hint: { en: () => 'Fill in the region code.', zh: () => '请填写地区代码。' },
  },
  'regions-code-duplicate': {
    severity: 'error',
    en: (a) => `Region code ${q(a['code'])} is listed twice (first at ${String(a['first'])}); this row was skipped`,
    zh: (a) => `地区代码 ${q(a['code'])} 重复列出（首次在 ${String(a['first'])}），此行已跳过`,
    hint: { en: () => 'List each region once.', zh: () => '每个地区只列一次。' },
  },
  'regions-list-empty': {
    severity: 'error',
    en: (a) => `The region list ${q(a['path'])} lists no region`,
    zh: (a) => `地区列表 ${q(a['path'])} 中没有任何地区`,
    hint: { en: () => 'Add one row per region: code,name.', zh: () => '请每个地区填写一行：代码,名称。' },
  },
  'region-not-listed': {
    severity: 'error',
    en: (a) => `Region ${q(a['text'])} is not in the region list ${q(a['list'])}; the row is left unscored${regionSuggestion(a, 'en')}`,
    zh: (a) => `地区 ${q(a['text'])} 不在地区列表 ${q(a['list'])} 中，该行不参与评分${regionSuggestion(a, 'zh')}`,
    hint: {
      en: () => 'Write the region by its code, full name or short name as in the region list (330000, 浙江省, 浙江 or 浙).',
      zh: () => '请按地区列表填写地区代码、全称或简称（如 330000、浙江省、浙江 或 浙）。',
    },
  },
  'region-name-ambiguous': {
    severity: 'error',
    en: (a) => `Region ${q(a['text'])} could be any of ${String(a['candidates'])}; the row is left unscored`,
    zh: (a) => `地区 ${q(a['text'])} 可能指 ${String(a['candidates'])} 中的任何一个，该行不参与评分`,
    hint: { en: () => 'Write the region code instead of the name.', zh: () => '请改填地区代码。' },
  },
  'region-required-missing': {
    severity: 'error',
    en: (a) => `Region ${regionOf(a)} has no row${periodOf(a, 'en')}, but the region list ${q(a['list'])} requires one`,
    zh: (a) => `地区 ${regionOf(a)}${periodOf(a, 'zh')}没有数据行，而地区列表 ${q(a['list'])} 要求每个地区都有`,
    hint: {
      en: () => 'Add the region\'s submission (a row, or its file) to the data.',
      zh: () => '请补充该地区的报送数据（一行或其报送文件）。',
    },
  },
  'value-missing': {
    severity: 'warning',
    en: (a) =>
      `Region ${q(a['region'])}${periodOf(a, 'en')} has no value for indicator ${q(a['indicator'])}; its missing policy is ${q(a['policy'])}: ${policyEffect(a, 'en')}`,
    zh: (a) => `地区 ${q(a['region'])}${periodOf(a, 'zh')}缺少指标 ${q(a['indicator'])} 的值；该指标的缺失策略为 ${String(a['policy'])}：${policyEffect(a, 'zh')}`,
    hint: {
      en: () => 'Fill in the value if it exists; leave it empty (or NA) only when it is genuinely missing.',
      zh: () => '如有数据请补填；确实缺失时才留空（或填 NA）。',
    },
  },
  'value-missing-truncated': {
    severity: 'info',
    en: (a) => `${String(a['count'])} more missing value(s) in ${q(a['path'])} are not listed one by one`,
    zh: (a) => `${q(a['path'])} 中另有 ${String(a['count'])} 个缺失值未逐一列出`,
  },
} as const satisfies MessageCatalog;

export type RegionsDiagnosticCode = keyof typeof REGIONS_MESSAGES;
