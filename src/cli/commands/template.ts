/**
 * `dgmi template FRAMEWORK --output form.xlsx|form.csv`: a blank submission form for regions to
 * fill in. The format follows the extension: .xlsx is one workbook (the form, with input checks,
 * and a bilingual instructions sheet); .csv is the header row plus `form.dictionary.csv`.
 */
import { extname } from 'node:path';
import { loadFramework } from '../../load/framework.js';
import type { Lang } from '../../model/i18n.js';
import { buildCsvTemplate, dictionaryPath } from '../../report/template/csv.js';
import { buildXlsxTemplate } from '../../report/template/xlsx.js';
import { EXIT, type Io } from '../io.js';
import { emit, emitBytes, presentation, reportDiagnostics } from './shared.js';

export interface TemplateOptions {
  readonly output: string;
  readonly bom?: boolean;
  readonly maxBytes?: number;
  readonly lang?: string;
  readonly color: boolean;
}

export type TemplateFormat = 'xlsx' | 'csv';

/** The form's format from the output's extension; undefined for any other. */
export function templateFormatOf(output: string): TemplateFormat | undefined {
  const extension = extname(output).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  return undefined;
}

/** Write the blank form for the framework at `frameworkPath`; 0 when written, 2 otherwise. */
export async function runTemplate(io: Io, version: string, frameworkPath: string, options: TemplateOptions): Promise<number> {
  const p = presentation(io, options);
  const format = templateFormatOf(options.output);
  if (!format) {
    io.stderr(unsupportedOutput(options.output, p.lang));
    return EXIT.usage;
  }
  const loaded = await loadFramework(frameworkPath, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  reportDiagnostics(io, version, p, loaded.diagnostics, [frameworkPath]);
  if (!loaded.framework) return EXIT.usage;
  const inputs = [frameworkPath];
  if (format === 'xlsx') return emitBytes(io, await buildXlsxTemplate(loaded.framework, { lang: p.lang }), options.output, inputs, p.lang);
  const csv = buildCsvTemplate(loaded.framework, { lang: p.lang, bom: options.bom === true });
  const form = await emit(io, csv.form, options.output, inputs, p.lang);
  if (form !== EXIT.ok) return form;
  return emit(io, csv.dictionary, dictionaryPath(options.output), [...inputs, options.output], p.lang);
}

function unsupportedOutput(output: string, lang: Lang): string {
  const isXls = extname(output).toLowerCase() === '.xls';
  if (lang === 'zh') {
    return isXls
      ? `dgmi: 不支持写出旧版 .xls；请使用 --output ${output}x（Excel 2007 及以后的 .xlsx）。\n`
      : `dgmi: 无法根据扩展名确定 ${output} 的格式；请使用 .xlsx 或 .csv。\n`;
  }
  return isXls
    ? `dgmi: old .xls is not written; use --output ${output}x (.xlsx, Excel 2007 and later).\n`
    : `dgmi: cannot tell the format of ${output} from its extension; use .xlsx or .csv.\n`;
}
