/**
 * The CSV form: a header row the loader matches by id (the framework's row column names, then
 * every indicator id), and a dictionary beside it that says what each id means, since a CSV
 * header cannot carry notes or drop-downs. RFC 4180 with CRLF, like every CSV dgmi writes.
 */
import { pickText, type Lang } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { csvTextCell } from '../results/csv.js';
import { templateContent } from './instructions.js';

export interface CsvTemplate {
  /** The form: one header row. */
  readonly form: string;
  /** `id, zh name, en name, unit, direction, range, levels, description`, one row per indicator. */
  readonly dictionary: string;
}

export interface CsvTemplateOptions {
  /** Language of the dictionary's header and of its unit, direction and description columns. */
  readonly lang: Lang;
  /** Start both files with a UTF-8 BOM, so Excel reads the Chinese text. */
  readonly bom: boolean;
}

const DICTIONARY_HEADER: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['指标代码', '中文名称', '英文名称', '单位', '方向', '有效范围', '可选值', '定义'],
  en: ['id', 'zh name', 'en name', 'unit', 'direction', 'range', 'levels', 'description'],
};

/** The CSV form and its dictionary for `framework`. Pure. */
export function buildCsvTemplate(framework: ResolvedFramework, options: CsvTemplateOptions): CsvTemplate {
  const { lang } = options;
  const content = templateContent(framework, lang);
  const bom = options.bom ? '\uFEFF' : '';
  const line = (cells: readonly string[]) => cells.map(csvTextCell).join(',');
  const form = `${bom}${line(content.columns.map((c) => c.csvHeader))}\r\n`;
  const rows = content.indicators.map((i) =>
    line([i.id, i.name.zh ?? '', i.name.en ?? '', pickText(i.unit, lang), pickText(i.direction, lang), i.range, i.levels, pickText(i.description, lang)]),
  );
  const dictionary = `${bom}${[line(DICTIONARY_HEADER[lang]), ...rows].join('\r\n')}\r\n`;
  return { form, dictionary };
}

/** `form.csv` → `form.dictionary.csv` (any other name gets `.dictionary.csv` appended). */
export function dictionaryPath(formPath: string): string {
  return /\.csv$/iu.test(formPath) ? formPath.replace(/\.csv$/iu, '.dictionary.csv') : `${formPath}.dictionary.csv`;
}
