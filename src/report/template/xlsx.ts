/**
 * The XLSX form, written with exceljs: a sheet to fill (frozen header and region columns, input
 * checks — number ranges, drop-downs for levels and 是/否 — and an input message per column
 * saying unit, range and definition), and a bilingual instructions sheet with every indicator's
 * definition, unit, direction, range, answers and source.
 *
 * The file is the same bytes for the same framework on every run: the workbook's dates are fixed,
 * and the zip is packed again with fflate at a fixed time, since exceljs packs with JSZip, which
 * stamps every entry with the time of writing and offers no option to change it.
 */
import type { Alignment, Borders, DataValidation, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';
import stringWidth from 'string-width';
import { columnLetter } from '../../load/columns.js';
import type { Lang, LocalizedText } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { stampWorkbook, workbookBytes } from '../xlsx-workbook.js';
import { templateContent, type FormColumn, type TemplateContent } from './instructions.js';

/** A message shown when a cell is selected, with no check: what exceljs writes for type `any`. */
type PromptOnly = Omit<DataValidation, 'type'> & { readonly type: 'any' };

declare module 'exceljs' {
  interface Worksheet {
    /**
     * Checks by range (`E2:E100000`), which exceljs has at run time but its typings leave out;
     * one per cell (`cell.dataValidation`) would mean 100,000 rows' worth of objects per column.
     */
    readonly dataValidations: { add(address: string, validation: DataValidation | PromptOnly): void };
  }
}

export interface XlsxTemplateOptions {
  /** Language of the form's headers, prompts and sheet names; the instructions are bilingual. */
  readonly lang: Lang;
}

/** Rows that carry the input checks: enough for every township in China, several years over. */
const CHECKED_ROWS = 100_000;


/** The blank form for `framework` as .xlsx bytes. Touches no file. */
export async function buildXlsxTemplate(framework: ResolvedFramework, options: XlsxTemplateOptions): Promise<Uint8Array> {
  // exceljs takes a quarter of a second to load: only `dgmi template … .xlsx` pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const content = templateContent(framework, options.lang);
  const workbook = stampWorkbook(new ExcelJS.Workbook());
  addFormSheet(workbook, content);
  addInstructionsSheet(workbook, content);
  return workbookBytes(workbook);
}

const BORDER_COLOUR = { argb: 'FFA6A6A6' };
const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin', color: BORDER_COLOUR },
  left: { style: 'thin', color: BORDER_COLOUR },
  bottom: { style: 'thin', color: BORDER_COLOUR },
  right: { style: 'thin', color: BORDER_COLOUR },
};
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const BOLD: Partial<Font> = { name: 'Calibri', size: 11, bold: true };
const CENTRED: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
/** Half-inch sides leave room for one more column on a landscape A4 page. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Excel's built-in text format: what is typed stays as typed, so region codes keep their leading zeros. */
const TEXT_FORMAT = '@';

const STYLE = {
  rowHeader: { numFmt: TEXT_FORMAT, font: BOLD, fill: solid('FFEDEDED'), border: THIN_BORDER, alignment: CENTRED },
  indicatorHeader: { numFmt: TEXT_FORMAT, font: BOLD, fill: solid('FFDDEBF7'), border: THIN_BORDER, alignment: CENTRED },
  title: { font: { name: 'Calibri', size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } },
  tableHeader: { font: BOLD, fill: solid('FFDDEBF7'), border: THIN_BORDER, alignment: { vertical: 'middle', wrapText: true } },
  body: { border: THIN_BORDER, alignment: { vertical: 'top', wrapText: true } },
  step: { alignment: { vertical: 'top', wrapText: true } },
} as const satisfies Record<string, Partial<Style>>;

/**
 * The sheet to fill: header row only. Frozen below the header and right of the region name;
 * row columns formatted as text.
 */
function addFormSheet(workbook: Workbook, content: TemplateContent): void {
  const columns = content.columns;
  const frozen = columns.filter((c) => c.role === 'region' || c.role === 'name').length;
  const sheet = workbook.addWorksheet(xmlText(content.formSheet), {
    views: [{ state: 'frozen', xSplit: frozen, ySplit: 1, topLeftCell: `${columnLetter(frozen)}2`, activeCell: 'A2', showGridLines: true }],
    pageSetup: { orientation: 'landscape', paperSize: 9, margins: MARGINS },
    properties: { defaultRowHeight: 15 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.role === 'indicator' ? {} : { style: { numFmt: TEXT_FORMAT } }) }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlText(c.header);
    cell.style = c.role === 'indicator' ? STYLE.indicatorHeader : STYLE.rowHeader;
  });
  // Spreadsheets do not grow a row to fit wrapped text they did not lay out themselves: say how tall.
  header.height = Math.min(409, 15 * Math.max(...columns.map((c) => wrappedLines(c.header, c.width))) + 6);
  columns.forEach((c, i) => addValidations(sheet, c, columnLetter(i)));
}

/**
 * The column's input check with its message, and the message again on the header cell: a
 * header has no check, but selecting it then explains the column.
 */
function addValidations(sheet: Worksheet, column: FormColumn, letter: string): void {
  const prompt = { showInputMessage: true, promptTitle: xmlText(column.prompt.title), prompt: xmlText(column.prompt.text) };
  sheet.dataValidations.add(`${letter}1`, { type: 'any', formulae: [], ...prompt });
  const range = `${letter}2:${letter}${CHECKED_ROWS}`;
  const v = column.validation;
  if (!v) {
    sheet.dataValidations.add(range, { type: 'any', formulae: [], allowBlank: true, ...prompt });
    return;
  }
  const error = { showErrorMessage: true, errorTitle: xmlText(column.prompt.title), error: xmlText(column.error) };
  if (v.kind === 'list') {
    sheet.dataValidations.add(range, { type: 'list', allowBlank: true, formulae: [`"${v.items.join(',')}"`], ...prompt, ...error });
    return;
  }
  sheet.dataValidations.add(range, { type: 'decimal', operator: 'between', allowBlank: true, formulae: [numberLiteral(v.min), numberLiteral(v.max)], ...prompt, ...error });
}

/** A number as an Excel formula literal (`1E+307`, not `1e+307`). */
function numberLiteral(n: number): string {
  return String(n).toUpperCase();
}

const INSTRUCTION_HEADERS: readonly LocalizedText[] = [
  { zh: '指标代码', en: 'Id' },
  { zh: '指标名称', en: 'Name (zh)' },
  { zh: '英文名称', en: 'Name (en)' },
  { zh: '所属维度', en: 'Dimension' },
  { zh: '单位', en: 'Unit' },
  { zh: '方向', en: 'Direction' },
  { zh: '有效范围', en: 'Valid range' },
  { zh: '可选值', en: 'Answers' },
  { zh: '定义', en: 'Definition (zh)' },
  { zh: '英文定义', en: 'Definition (en)' },
  { zh: '数据来源', en: 'Source' },
];
const INSTRUCTION_WIDTHS = [26, 22, 30, 30, 10, 18, 12, 26, 50, 60, 30];

/** Steps and title span the first four columns of the table. */
const STEP_SPAN = 4;

interface InstructionCell {
  readonly text: string;
  readonly style: Partial<Style>;
  readonly width: number;
}

/** Bilingual instructions: title, steps, then the indicator table with both languages side by side. */
function addInstructionsSheet(workbook: Workbook, content: TemplateContent): void {
  const headerRow = content.steps.length + 2;
  const sheet = workbook.addWorksheet(xmlText(content.instructionsSheet), {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    // Printed, the table fits the page width; on screen nothing changes.
    pageSetup: { orientation: 'landscape', paperSize: 9, margins: MARGINS, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { defaultRowHeight: 15 },
  });
  sheet.columns = INSTRUCTION_WIDTHS.map((width) => ({ width }));
  const addRow = (cells: readonly InstructionCell[]): void => {
    // An empty text is no value, so the cell keeps its border without holding an empty string.
    const row = sheet.addRow(cells.map((c) => (c.text === '' ? null : xmlText(c.text))));
    cells.forEach((c, i) => {
      row.getCell(i + 1).style = c.style;
    });
    row.height = Math.min(409, 15 * Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width))) + 4);
  };
  const stepWidth = INSTRUCTION_WIDTHS.slice(0, STEP_SPAN).reduce((a, b) => a + b, 0);
  const stepLast = columnLetter(STEP_SPAN - 1);
  addRow([{ text: `${content.title.zh ?? ''}\n${content.title.en ?? ''}`, style: STYLE.title, width: stepWidth / 1.4 }]);
  content.steps.forEach((step, i) => addRow([{ text: `${i + 1}. ${step.zh ?? ''}\n${i + 1}. ${step.en ?? ''}`, style: STYLE.step, width: stepWidth }]));
  for (let r = 1; r < headerRow; r++) sheet.mergeCells(`A${r}:${stepLast}${r}`);
  addRow(INSTRUCTION_HEADERS.map((h, i) => ({ text: `${h.zh ?? ''}\n${h.en ?? ''}`, style: STYLE.tableHeader, width: INSTRUCTION_WIDTHS[i] ?? 10 })));
  for (const facts of content.indicators) {
    const unit = facts.unit.zh === facts.unit.en ? (facts.unit.zh ?? '') : `${facts.unit.zh ?? ''} / ${facts.unit.en ?? ''}`;
    const cells = [
      facts.id,
      facts.name.zh ?? '',
      facts.name.en ?? '',
      `${facts.group.zh ?? ''}\n${facts.group.en ?? ''}`,
      unit,
      `${facts.direction.zh ?? ''}\n${facts.direction.en ?? ''}`,
      facts.range,
      facts.levels,
      facts.description.zh ?? '',
      facts.description.en ?? '',
      facts.source,
    ];
    addRow(cells.map((text, i) => ({ text, style: STYLE.body, width: INSTRUCTION_WIDTHS[i] ?? 10 })));
  }
}

/** Text without the control characters XML 1.0 cannot hold (Excel cannot either). */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '');
}

/** How many lines `text` takes in a column `width` characters wide (wide CJK characters count two, as string-width measures them). */
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(stringWidth(line) / Math.max(1, width - 1))), 0);
}
