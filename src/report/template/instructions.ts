/**
 * What a blank submission form says, independent of the file format: the columns to fill (row
 * columns, then one per indicator), how each is labelled and checked, and the bilingual
 * instructions and indicator dictionary. The CSV and XLSX builders only lay this out.
 *
 * Every header must read back through the loader's column matching (`mapColumns`): row columns
 * use a name the loader knows for that role, and an indicator header ends with its id in
 * brackets — `数字政府建设领导小组 · 是/否 (dg_leading_group)` — which `findIndicator` matches
 * whatever the words before it say. So the words may not contain brackets of their own.
 */
import { cellSpecOf, type CellSpec } from '../../load/cells.js';
import { headerKey, ROW_ROLES, type RowRole } from '../../load/columns.js';
import { pickText, type Lang, type LocalizedText } from '../../model/i18n.js';
import type { ResolvedFramework, ResolvedIndicator } from '../../model/resolved.js';

/** Input rule for a column, where a spreadsheet can enforce one. */
export type Validation =
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'decimal'; readonly min: number; readonly max: number };

export interface FormColumn {
  /** The row role (`region`…) or the indicator id. */
  readonly key: string;
  readonly role: RowRole | 'indicator';
  /** Header of the XLSX form: words for people in `lang`, ending with the id for the loader. */
  readonly header: string;
  /** Header of the CSV form: the framework's column name or the indicator id. */
  readonly csvHeader: string;
  /** Column width in characters. */
  readonly width: number;
  readonly validation?: Validation | undefined;
  /** Shown when a cell of the column is selected (XLSX input message); Excel allows 32 and 255 characters. */
  readonly prompt: { readonly title: string; readonly text: string };
  /** What is wrong when the validation rejects an entry. */
  readonly error: string;
}

/** One indicator as the dictionary and the instructions sheet describe it. */
export interface IndicatorFacts {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: CellSpec['kind'];
  /** `%`, `是/否 yes/no`, `等级 level`, or the unit as written. */
  readonly unit: LocalizedText;
  readonly direction: LocalizedText;
  /** `0–100`, or '' when the framework gives no range. */
  readonly range: string;
  /** `未设立=0; 分管领导=1; 主要领导=2`, or ''. */
  readonly levels: string;
  readonly levelNames: readonly string[];
  readonly description: LocalizedText;
  readonly source: string;
  /** Dimension › group, in each language. */
  readonly group: LocalizedText;
}

export interface TemplateContent {
  readonly formSheet: string;
  readonly instructionsSheet: string;
  readonly columns: readonly FormColumn[];
  readonly indicators: readonly IndicatorFacts[];
  readonly title: LocalizedText;
  /** Numbered steps, both languages. */
  readonly steps: readonly LocalizedText[];
}

/** Loader aliases used as Chinese row-column headers (see `ROLE_ALIASES` in src/load/columns.ts). */
const ZH_ROW_HEADERS: Readonly<Record<RowRole, string>> = { region: '地区代码', name: '地区名称', group: '分组', period: '年度' };

const ROW_PROMPTS: Readonly<Record<RowRole, LocalizedText>> = {
  region: {
    zh: '每个地区（每个年度）一行。填写地区的唯一代码，如行政区划代码 110000。',
    en: 'One row per region (and period). A unique region code, e.g. the administrative division code 110000.',
  },
  name: { zh: '地区名称，如 北京。', en: 'Region name, e.g. Beijing.' },
  group: { zh: '分组（可不填），如 东部、中部、西部、东北。', en: 'Group (optional), e.g. east, central, west, northeast.' },
  period: { zh: '数据所属年度或期间，如 2024。', en: 'The year or period the data describe, e.g. 2024.' },
};

const ROW_TITLES: Readonly<Record<RowRole, LocalizedText>> = {
  region: { zh: '地区代码', en: 'Region code' },
  name: { zh: '地区名称', en: 'Region name' },
  group: { zh: '分组', en: 'Group' },
  period: { zh: '年度', en: 'Period' },
};

const BOOLEAN_ANSWERS: Readonly<Record<Lang, readonly string[]>> = { zh: ['是', '否'], en: ['yes', 'no'] };

/** The widest numbers a decimal validation can hold: text is refused, any number allowed. */
const ANY_NUMBER = 1e307;

const STEPS: readonly LocalizedText[] = [
  {
    zh: '在第一个工作表中每个地区填写一行（多个年度则每个地区每年一行）。请勿修改或合并表头，括号中的指标代码用于识别各列。',
    en: 'On the first sheet, fill in one row per region (one per region and year for several years). Do not edit or merge the header: the ids in brackets identify the columns.',
  },
  {
    zh: '数值直接填写数字，不要带单位；百分比填 85 或 85%；是/否 类指标选择 是 或 否；等级类指标从下拉列表中选择。',
    en: 'Type numbers without units; percentages as 85 or 85%; yes/no indicators: choose 是 (yes) or 否 (no); level indicators: pick from the drop-down list.',
  },
  {
    zh: '没有数据的单元格请留空，不要填 0：0 会被当作真实数值参与评分。',
    en: 'Leave a cell empty when there is no data; do not type 0, which would be scored as a real value.',
  },
  {
    zh: '请填写数值而非公式；保存为 .xlsx（不要设置打开密码），或另存为“CSV UTF-8”。',
    en: 'Enter values rather than formulas; save as .xlsx without a password, or as "CSV UTF-8".',
  },
  {
    zh: '下表列出每个指标的定义、单位、方向（正向：越高越好；逆向：越低越好）、有效范围、可选值和数据来源。',
    en: 'The table below gives each indicator\'s definition, unit, direction (positive: higher is better; negative: lower is better), valid range, allowed answers and source.',
  },
];

/** The whole content of a blank form for `framework`, its headers in `lang`. */
export function templateContent(framework: ResolvedFramework, lang: Lang): TemplateContent {
  // Described once: the form's columns and the dictionary both read these facts.
  const described = framework.indicators.map((indicator) => ({ indicator, facts: indicatorFacts(framework, indicator) }));
  return {
    formSheet: lang === 'zh' ? '填报表' : 'Form',
    instructionsSheet: lang === 'zh' ? '填报说明' : 'Instructions',
    columns: [
      ...ROW_ROLES.map((role) => rowColumn(framework, role, lang)),
      ...described.map(({ indicator, facts }) => indicatorColumn(facts, indicator, lang)),
    ],
    indicators: described.map(({ facts }) => facts),
    title: {
      zh: `${pickText(framework.name, 'zh')}${framework.version ? `（${framework.version}）` : ''} 数据填报说明`,
      en: `${pickText(framework.name, 'en')}${framework.version ? ` (${framework.version})` : ''}: how to fill in the form`,
    },
    steps: STEPS,
  };
}

/**
 * The header of a row column: in Chinese the loader's alias for the role, unless the framework
 * gave that word to another role (then the framework's own name, which always wins).
 */
function rowColumn(framework: ResolvedFramework, role: RowRole, lang: Lang): FormColumn {
  const own = framework.columns[role];
  const alias = ZH_ROW_HEADERS[role];
  const isTaken = ROW_ROLES.some((other) => other !== role && headerKey(framework.columns[other]) === headerKey(alias));
  const header = lang === 'zh' && !isTaken ? alias : own;
  return {
    key: role,
    role,
    header,
    csvHeader: own,
    width: role === 'name' ? 14 : 12,
    prompt: { title: pickText(ROW_TITLES[role], lang), text: pickText(ROW_PROMPTS[role], lang) },
    error: '',
  };
}

function indicatorColumn(facts: IndicatorFacts, indicator: ResolvedIndicator, lang: Lang): FormColumn {
  const validation = validationOf(facts, indicator, lang);
  const name = pickText(facts.name, lang, facts.id);
  const detail = headerDetail(facts, lang);
  const header = [withoutBrackets(name), detail, `(${facts.id})`].filter((line) => line !== '').join('\n');
  return {
    key: facts.id,
    role: 'indicator',
    header,
    csvHeader: facts.id,
    // Wide enough for the id on one line (bold), at most 30.
    width: Math.min(30, Math.max(16, facts.id.length + 4)),
    validation,
    prompt: { title: truncate(name, 32), text: truncate(promptText(facts, validation, lang), 255) },
    error: truncate(errorText(validation, lang), 255),
  };
}

/** The second header line: what to type. Brackets would break the id match, so none appear. */
function headerDetail(facts: IndicatorFacts, lang: Lang): string {
  switch (facts.kind) {
    case 'boolean':
      return BOOLEAN_ANSWERS[lang].join('/');
    case 'levels':
      return lang === 'zh' ? '下拉选择' : 'pick from list';
    default:
      return withoutBrackets([pickText(facts.unit, lang), facts.range].filter((s) => s !== '').join(' · '));
  }
}

function validationOf(facts: IndicatorFacts, indicator: ResolvedIndicator, lang: Lang): Validation | undefined {
  if (facts.kind === 'boolean') return { kind: 'list', items: BOOLEAN_ANSWERS[lang] };
  if (facts.kind === 'levels') {
    // An XLSX list literal is comma-separated, quoted, at most 255 characters.
    const names = facts.levelNames;
    const fits = names.join(',').length <= 255 && names.every((n) => !n.includes(',') && !n.includes('"'));
    return fits ? { kind: 'list', items: names } : undefined;
  }
  const range = indicator.range;
  return { kind: 'decimal', min: range?.[0] ?? -ANY_NUMBER, max: range?.[1] ?? ANY_NUMBER };
}

function promptText(facts: IndicatorFacts, validation: Validation | undefined, lang: Lang): string {
  const parts: string[] = [];
  const unit = pickText(facts.unit, lang);
  if (facts.kind === 'levels') parts.push(lang === 'zh' ? `可选：${facts.levelNames.join('、')}` : `Answers: ${facts.levelNames.join(', ')}`);
  else if (facts.kind === 'boolean') parts.push(lang === 'zh' ? '选择 是 或 否' : 'Choose yes or no');
  else if (unit !== '') parts.push(lang === 'zh' ? `单位：${unit}` : `Unit: ${unit}`);
  if (facts.range !== '' && validation?.kind === 'decimal') parts.push(lang === 'zh' ? `范围：${facts.range}` : `Range: ${facts.range}`);
  if (facts.kind === 'percent') parts.push(lang === 'zh' ? '填 85 或 85% 均表示 85%' : '85 and 85% both mean 85%');
  parts.push(lang === 'zh' ? '无数据请留空' : 'leave empty if no data');
  const description = pickText(facts.description, lang);
  return `${parts.join(lang === 'zh' ? '；' : '; ')}${lang === 'zh' ? '。' : '.'}${description === '' ? '' : `\n${description}`}`;
}

function errorText(validation: Validation | undefined, lang: Lang): string {
  if (!validation) return '';
  if (validation.kind === 'list') {
    return lang === 'zh' ? `请从下拉列表中选择：${validation.items.join('、')}；无数据请留空。` : `Pick one of: ${validation.items.join(', ')}; leave empty if no data.`;
  }
  if (Math.abs(validation.min) >= ANY_NUMBER) return lang === 'zh' ? '请输入数值（不带单位）；无数据请留空。' : 'Enter a number (no unit); leave empty if no data.';
  return lang === 'zh'
    ? `请输入 ${validation.min} 到 ${validation.max} 之间的数值；无数据请留空。`
    : `Enter a number from ${validation.min} to ${validation.max}; leave empty if no data.`;
}

/** One indicator described for the dictionary and the instructions sheet. */
function indicatorFacts(framework: ResolvedFramework, indicator: ResolvedIndicator): IndicatorFacts {
  const spec = cellSpecOf(indicator);
  const levels = Object.entries(indicator.levels ?? {});
  const path = indicator.path.map((id) => framework.nodeById.get(id)?.name);
  return {
    id: indicator.id,
    name: indicator.name,
    kind: spec.kind,
    unit: unitText(spec.kind, indicator.unit),
    direction: indicator.direction === 'negative' ? { zh: '逆向（越低越好）', en: 'negative (lower is better)' } : { zh: '正向（越高越好）', en: 'positive (higher is better)' },
    range: indicator.range ? `${indicator.range[0]}–${indicator.range[1]}` : '',
    levels: levels.map(([name, value]) => `${name}=${value}`).join('; '),
    levelNames: levels.map(([name]) => name),
    description: indicator.description ?? {},
    source: indicator.source ?? '',
    group: {
      zh: path.map((n) => pickText(n, 'zh')).join(' › '),
      en: path.map((n) => pickText(n, 'en')).join(' › '),
    },
  };
}

function unitText(kind: CellSpec['kind'], unit: string | undefined): LocalizedText {
  if (kind === 'percent') return { zh: '%', en: '%' };
  if (kind === 'boolean') return { zh: '是/否', en: 'yes/no' };
  if (kind === 'levels') return { zh: '等级', en: 'level' };
  return { zh: unit ?? '', en: unit ?? '' };
}

/** Brackets of either width (NFKC folds `（` into `(`) would break the loader's `name (id)` match. */
export function withoutBrackets(text: string): string {
  return text.replace(/[(（]/gu, '[').replace(/[)）]/gu, ']');
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
