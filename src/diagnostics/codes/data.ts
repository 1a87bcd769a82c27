/**
 * Submissions (CSV): the table's syntax, its header, its rows and every cell. Cell codes carry
 * `text` (the cell as written), `header` and `columnLetter` (`D`, as a spreadsheet shows it) and
 * `indicator`, so a reader can find the cell in Excel as easily as in an editor.
 */
import { q, suggestion, type MessageCatalog } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** ` in column D ('score')` / `第 D 列（'score'）中的 `, or nothing when the cell position is unknown. */
function inColumn(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  // zh puts the place before the value ("第 D 列中的 'abc'"), en after it ("'abc' in column D").
  const letter = a['columnLetter'];
  if (typeof letter !== 'string' || letter === '') return '';
  const header = typeof a['header'] === 'string' && a['header'] !== '' ? a['header'] : '';
  if (lang === 'zh') return `第 ${letter} 列${header ? `（${q(header)}）` : ''}中的 `;
  return ` in column ${letter}${header ? ` (${q(header)})` : ''}`;
}

/** `[0, 100]`, from the `min`/`max` args. */
function rangeText(a: DiagnosticArgs): string {
  return `[${String(a['min'])}, ${String(a['max'])}]`;
}

export const DATA_MESSAGES = {
  'csv-quote-unclosed': {
    severity: 'error',
    en: () => 'A quoted field is never closed: the rest of the file from here could not be read',
    zh: () => '引号字段没有闭合：从此处起文件的其余部分无法读取',
    hint: {
      en: () => 'Add the closing double quote, or write a quote inside a quoted field as two quotes ("").',
      zh: () => '请补上结束的双引号；引号字段内的引号要写成两个（""）。',
    },
  },
  'csv-syntax': {
    severity: 'error',
    en: (a) => `CSV syntax error (${String(a['reason'])}); this record was skipped`,
    zh: (a) => `CSV 语法错误（${String(a['reason'])}），已跳过该记录`,
    hint: {
      en: () => 'Quote fields that contain the delimiter, quotes or line breaks, and double the quotes inside them.',
      zh: () => '含分隔符、引号或换行的字段要用双引号括起，字段内的引号写成两个。',
    },
  },
  'csv-field-count': {
    severity: 'error',
    en: (a) => `This row has ${String(a['actual'])} field(s) but the header has ${String(a['expected'])}; its values cannot be matched to columns, so the row is left unscored`,
    zh: (a) => `此行有 ${String(a['actual'])} 个字段，而表头有 ${String(a['expected'])} 个；无法把数值对应到列，该行不参与评分`,
    hint: {
      en: () => 'Check for a missing or extra delimiter, or an unquoted comma inside a name or number (write 1234, not 1,234 unquoted).',
      zh: () => '请检查是否少了或多了分隔符，或名称、数字中有未加引号的逗号（如 1,234 需加引号或写成 1234）。',
    },
  },
  'csv-no-data-rows': {
    severity: 'warning',
    en: (a) => `${q(a['path'])} has a header but no data rows`,
    zh: (a) => `${q(a['path'])} 只有表头，没有数据行`,
    hint: { en: () => 'Fill in one row per region below the header.', zh: () => '请在表头下方每个地区填写一行。' },
  },
  'input-duplicate': {
    severity: 'warning',
    en: (a) => `${q(a['path'])} has the same content as ${q(a['first'])}; it was read once`,
    zh: (a) => `${q(a['path'])} 与 ${q(a['first'])} 内容相同，只读取一次`,
    hint: { en: () => 'Remove the repeated file from the command line.', zh: () => '请从命令行中去掉重复的文件。' },
  },
  'column-region-missing': {
    severity: 'error',
    en: (a) => `No region column (expected ${q(a['expected'])} or 地区代码); the file was not read${suggestion(a, 'en')}`,
    zh: (a) => `缺少地区代码列（应为 ${q(a['expected'])} 或 地区代码），该文件未读取${suggestion(a, 'zh')}`,
    hint: {
      en: (a) => `Name the column of region codes ${q(a['expected'])}, or set columns.region in the framework.`,
      zh: (a) => `请把地区代码列命名为 ${q(a['expected'])}，或在框架中设置 columns.region。`,
    },
  },
  'column-unknown': {
    severity: 'warning',
    en: (a) => `Column ${String(a['columnLetter'])} ${q(a['header'])} is not an indicator of this framework; it was ignored${suggestion(a, 'en')}`,
    zh: (a) => `第 ${String(a['columnLetter'])} 列 ${q(a['header'])} 不是本框架的指标，已忽略${suggestion(a, 'zh')}`,
    hint: {
      en: () => 'Name an indicator column by its id or its zh/en name as written in the framework.',
      zh: () => '指标列名请使用框架中的指标 id 或中文/英文名称。',
    },
  },
  'column-unnamed': {
    severity: 'warning',
    en: (a) => `Column ${String(a['columnLetter'])} has no header but holds data; it was ignored`,
    zh: (a) => `第 ${String(a['columnLetter'])} 列没有表头却有数据，已忽略`,
    hint: { en: () => 'Give the column an indicator id as its header, or delete it.', zh: () => '请为该列填写指标 id 作为表头，或删除该列。' },
  },
  'column-duplicate': {
    severity: 'error',
    en: (a) =>
      `Columns ${String(a['firstLetter'])} and ${String(a['columnLetter'])} both give ${q(a['target'])}; which one is right cannot be told, so the file's rows are left unscored`,
    zh: (a) => `第 ${String(a['firstLetter'])} 列和第 ${String(a['columnLetter'])} 列都对应 ${q(a['target'])}，无法判断以哪一列为准，该文件的各行不参与评分`,
    hint: { en: () => 'Delete or rename one of the two columns.', zh: () => '请删除或重命名其中一列。' },
  },
  'column-indicator-missing': {
    severity: 'warning',
    en: (a) =>
      `${q(a['path'])} gives no values for ${String(a['count'])} indicator(s): ${String(a['indicators'])}; they are missing and follow each indicator's missing-value policy`,
    zh: (a) => `${q(a['path'])} 未提供 ${String(a['count'])} 个指标的数值：${String(a['indicators'])}；这些值按缺失处理，遵循各指标的缺失值规则`,
    hint: {
      en: () => 'Add the columns (an empty cell or NA marks a value that is genuinely missing).',
      zh: () => '请补充这些列（确实缺失的数值可留空或填 NA）。',
    },
  },
  'long-indicator-unknown': {
    severity: 'warning',
    en: (a) => `${q(a['text'])} is not an indicator of this framework; the value was ignored${suggestion(a, 'en')}`,
    zh: (a) => `${q(a['text'])} 不是本框架的指标，该数值已忽略${suggestion(a, 'zh')}`,
    hint: {
      en: () => 'Write the indicator id or its zh/en name as in the framework.',
      zh: () => '请填写框架中的指标 id 或中文/英文名称。',
    },
  },
  'long-value-duplicate': {
    severity: 'error',
    en: (a) => `${q(a['indicator'])} of region ${q(a['region'])} is given twice, at ${String(a['first'])} and ${String(a['second'])}; the region is left unscored`,
    zh: (a) => `地区 ${q(a['region'])} 的指标 ${q(a['indicator'])} 出现两次（${String(a['first'])} 和 ${String(a['second'])}），该地区不参与评分`,
    hint: { en: () => 'Keep one of the two rows.', zh: () => '请只保留其中一行。' },
  },
  'row-duplicate': {
    severity: 'error',
    en: (a) => `Region ${q(a['region'])}${a['period'] ? ` (period ${q(a['period'])})` : ''} appears twice, at ${String(a['first'])} and ${String(a['second'])}; it is left unscored`,
    zh: (a) => `地区 ${q(a['region'])}${a['period'] ? `（${String(a['period'])} 期）` : ' '}出现两次（${String(a['first'])} 和 ${String(a['second'])}），不参与评分`,
    hint: {
      en: () => 'Keep one row per region and period across all files.',
      zh: () => '所有文件中每个地区每期只保留一行。',
    },
  },
  'region-empty': {
    severity: 'error',
    en: () => 'This row has data but no region code; it was skipped',
    zh: () => '此行有数据但没有地区代码，已跳过',
    hint: { en: () => 'Fill in the region code.', zh: () => '请填写地区代码。' },
  },
  'region-name-conflict': {
    severity: 'warning',
    en: (a) => `Region ${q(a['region'])} is named ${q(a['first'])} at ${String(a['firstAt'])} but ${q(a['second'])} here; the first is used`,
    zh: (a) => `地区 ${q(a['region'])} 在 ${String(a['firstAt'])} 名为 ${q(a['first'])}，此处却为 ${q(a['second'])}；采用前者`,
    hint: { en: () => 'Use one name per region code.', zh: () => '同一地区代码请使用同一名称。' },
  },
  'region-group-conflict': {
    severity: 'warning',
    en: (a) => `Region ${q(a['region'])} is in group ${q(a['first'])} at ${String(a['firstAt'])} but ${q(a['second'])} here; the first is used`,
    zh: (a) => `地区 ${q(a['region'])} 在 ${String(a['firstAt'])} 属于分组 ${q(a['first'])}，此处却为 ${q(a['second'])}；采用前者`,
    hint: { en: () => 'Use one group per region code.', zh: () => '同一地区代码请使用同一分组。' },
  },
  'cell-not-a-number': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} is not a number; the region is left unscored`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 不是数字，该地区不参与评分`,
    hint: {
      en: () => 'Write a plain number such as 12.5 or 1,234; leave the cell empty or write NA when the value is missing.',
      zh: () => '请填写普通数字，如 12.5 或 1,234；数值缺失时留空或填 NA。',
    },
  },
  'cell-not-finite': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} is not a finite number`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 不是有限的数值`,
    hint: {
      en: () => 'Leave the cell empty or write NA for a missing value; check the formula that produced it.',
      zh: () => '数值缺失时请留空或填 NA；并检查产生该值的公式。',
    },
  },
  'cell-date': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} looks like a date, not a number`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 像是日期，不是数字`,
    hint: {
      en: () => 'The spreadsheet may have formatted the number as a date: set the column format to Number and export again.',
      zh: () => '电子表格可能把数字格式化成了日期：请把该列格式设为“数值”后重新导出。',
    },
  },
  'cell-spreadsheet-error': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} is a spreadsheet formula error, not a value`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 是电子表格公式错误，不是数值`,
    hint: {
      en: () => 'Fix the formula, or leave the cell empty / write NA if the value is genuinely missing.',
      zh: () => '请修正公式；如确实缺失，请留空或填 NA。',
    },
  },
  'cell-thousands-grouping': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} has a comma that is not a thousands separator`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])}：逗号不在千位分隔符的位置上`,
    hint: {
      en: () => 'Thousands separators come every three digits (1,234,567); a decimal point is written with a dot (12.5, not 12,5).',
      zh: () => '千位分隔符每三位一个（1,234,567）；小数点用英文句点（12.5，而不是 12,5）。',
    },
  },
  'cell-percent-not-allowed': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} has a % sign, but indicator ${q(a['indicator'])} is not in percent`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 带有 % 号，但指标 ${q(a['indicator'])} 的单位不是百分比`,
    hint: {
      en: () => 'Drop the % sign, or set `unit: percent` on the indicator if its values are percentages.',
      zh: () => '请去掉 % 号；如果该指标本身是百分比，请在框架中为其设置 `unit: percent`。',
    },
  },
  'cell-not-boolean': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} is not a yes/no answer`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 不是“是/否”答案`,
    hint: {
      en: () => 'Write 是/否, yes/no, true/false, y/n or 1/0.',
      zh: () => '请填写 是/否、yes/no、true/false、y/n 或 1/0。',
    },
  },
  'cell-not-a-level': {
    severity: 'error',
    en: (a) => `${q(a['text'])}${inColumn(a, 'en')} is not one of the levels of ${q(a['indicator'])}${suggestion(a, 'en')}`,
    zh: (a) => `${inColumn(a, 'zh')}${q(a['text'])} 不是指标 ${q(a['indicator'])} 的可选等级${suggestion(a, 'zh')}`,
    hint: {
      en: (a) => `Write one of: ${String(a['levels'])}.`,
      zh: (a) => `请填写以下之一：${String(a['levels'])}。`,
    },
  },
  'value-out-of-range': {
    severity: 'error',
    en: (a) => `${String(a['value'])}${inColumn(a, 'en')} is outside the valid range ${rangeText(a)} of ${q(a['indicator'])}; the region is left unscored`,
    zh: (a) => `${inColumn(a, 'zh')}${String(a['value'])} 超出指标 ${q(a['indicator'])} 的有效范围 ${rangeText(a)}，该地区不参与评分`,
    hint: {
      en: (a) => `Valid values lie in ${rangeText(a)} (inclusive); check the unit (a share of 0.85 vs 85%) and the figure.`,
      zh: (a) => `有效取值为 ${rangeText(a)}（含端点）；请核对单位（0.85 还是 85%）和数值本身。`,
    },
  },
  'cell-errors-truncated': {
    severity: 'info',
    en: (a) => `${String(a['count'])} more cell error(s) in ${q(a['path'])} are not listed one by one; their rows are left unscored as well`,
    zh: (a) => `${q(a['path'])} 中另有 ${String(a['count'])} 个单元格错误未逐一列出，所在行同样不参与评分`,
    hint: { en: () => 'Fix the errors listed first, then run again.', zh: () => '请先修正已列出的错误，再重新运行。' },
  },
} as const satisfies MessageCatalog;

export type DataDiagnosticCode = keyof typeof DATA_MESSAGES;
