/**
 * The XLSX form: a sheet to fill (frozen header and region columns, input checks — number
 * ranges, drop-downs for levels and 是/否 — and an input message per column saying unit, range
 * and definition), and a bilingual instructions sheet with every indicator's definition, unit,
 * direction, range, answers and source.
 *
 * Written as SpreadsheetML by hand, in the element order ECMA-376 prescribes (Excel calls a file
 * with elements out of order "corrupt"), with inline strings so there is no string table to
 * keep in step. Pure and byte-for-byte reproducible: same framework, same file.
 */
import type { Lang, LocalizedText } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { columnLetter } from '../../load/columns.js';
import { templateContent, type FormColumn, type TemplateContent } from './instructions.js';
import { zipArchive } from './zip-archive.js';

export interface XlsxTemplateOptions {
  /** Language of the form's headers, prompts and sheet names; the instructions are bilingual. */
  readonly lang: Lang;
}

/** Rows that carry the input checks: enough for every township in China, several years over. */
const CHECKED_ROWS = 100_000;

/** Indexes into `cellXfs` of {@link STYLES}. */
const STYLE = { text: 1, header: 2, rowHeader: 3, title: 4, tableHeader: 5, body: 6, step: 7 } as const;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The blank form for `framework` as .xlsx bytes. Pure. */
export function buildXlsxTemplate(framework: ResolvedFramework, options: XlsxTemplateOptions): Uint8Array {
  const content = templateContent(framework, options.lang);
  return zipArchive([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'docProps/app.xml', data: APP_PROPS },
    { name: 'xl/workbook.xml', data: workbookXml(content) },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/worksheets/sheet1.xml', data: formSheetXml(content) },
    { name: 'xl/worksheets/sheet2.xml', data: instructionsSheetXml(content) },
  ]);
}

/** Text for XML content and attribute values; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    // In an attribute a raw line break would be read back as a space.
    .replace(/\n/gu, '&#10;')
    .replace(/\r/gu, '&#13;')
    .replace(/\t/gu, '&#9;');
}

function textCell(ref: string, text: string, style: number): string {
  if (text === '') return `<c r="${ref}" s="${style}"/>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
}

function workbookXml(content: TemplateContent): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets><sheet name="${xmlEscape(content.formSheet)}" sheetId="1" r:id="rId1"/>` +
    `<sheet name="${xmlEscape(content.instructionsSheet)}" sheetId="2" r:id="rId2"/></sheets>` +
    '</workbook>'
  );
}

/**
 * The sheet to fill: header row only. Frozen below the header and right of the region name;
 * row columns formatted as text so codes keep their leading zeros.
 */
function formSheetXml(content: TemplateContent): string {
  const columns = content.columns;
  const last = columnLetter(columns.length - 1);
  const frozen = columns.filter((c) => c.role === 'region' || c.role === 'name').length;
  const topLeft = `${columnLetter(frozen)}2`;
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.role === 'indicator' ? '' : ` style="${STYLE.text}"`}/>`)
    .join('');
  const header = columns.map((c, i) => textCell(`${columnLetter(i)}1`, c.header, c.role === 'indicator' ? STYLE.header : STYLE.rowHeader)).join('');
  const lines = Math.max(...columns.map((c) => wrappedLines(c.header, c.width)));
  const validations = columns.flatMap((c, i) => dataValidations(c, columnLetter(i)));
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}1"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    `<pane xSplit="${frozen}" ySplit="1" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/>` +
    `<selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="A2" sqref="A2"/>` +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData><row r="1" ht="${Math.min(409, 15 * lines + 6)}" customHeight="1">${header}</row></sheetData>` +
    (validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" paperSize="9"/>' +
    '</worksheet>'
  );
}

/**
 * The column's input check with its message, and the message again on the header cell (a
 * header has no check, but selecting it then explains the column — a note without a comment part).
 */
function dataValidations(column: FormColumn, letter: string): string[] {
  const prompt = `showInputMessage="1" promptTitle="${xmlEscape(column.prompt.title)}" prompt="${xmlEscape(column.prompt.text)}"`;
  const onHeader = `<dataValidation allowBlank="1" ${prompt} sqref="${letter}1"/>`;
  const range = `${letter}2:${letter}${CHECKED_ROWS}`;
  const v = column.validation;
  if (!v) return [onHeader, `<dataValidation allowBlank="1" ${prompt} sqref="${range}"/>`];
  const error = `showErrorMessage="1" errorTitle="${xmlEscape(column.prompt.title)}" error="${xmlEscape(column.error)}"`;
  if (v.kind === 'list') {
    const list = `"${v.items.join(',')}"`;
    return [onHeader, `<dataValidation type="list" allowBlank="1" ${prompt} ${error} sqref="${range}"><formula1>${xmlEscape(list)}</formula1></dataValidation>`];
  }
  return [
    onHeader,
    `<dataValidation type="decimal" operator="between" allowBlank="1" ${prompt} ${error} sqref="${range}">` +
      `<formula1>${numberLiteral(v.min)}</formula1><formula2>${numberLiteral(v.max)}</formula2></dataValidation>`,
  ];
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

/** Bilingual instructions: title, steps, then the indicator table with both languages side by side. */
function instructionsSheetXml(content: TemplateContent): string {
  const rows: string[] = [];
  // Spreadsheets do not grow a row to fit wrapped text they did not lay out themselves: say how tall.
  const row = (cells: readonly { text: string; style: number; width: number }[]) => {
    const r = rows.length + 1;
    const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
    const xml = cells.map((c, i) => textCell(`${columnLetter(i)}${r}`, c.text, c.style)).join('');
    rows.push(`<row r="${r}" ht="${Math.min(409, 15 * lines + 4)}" customHeight="1">${xml}</row>`);
  };
  const stepWidth = INSTRUCTION_WIDTHS.slice(0, STEP_SPAN).reduce((a, b) => a + b, 0);
  row([{ text: `${content.title.zh ?? ''}\n${content.title.en ?? ''}`, style: STYLE.title, width: stepWidth / 1.4 }]);
  content.steps.forEach((step, i) => row([{ text: `${i + 1}. ${step.zh ?? ''}\n${i + 1}. ${step.en ?? ''}`, style: STYLE.step, width: stepWidth }]));
  const headerRow = rows.length + 1;
  row(INSTRUCTION_HEADERS.map((h, i) => ({ text: `${h.zh ?? ''}\n${h.en ?? ''}`, style: STYLE.tableHeader, width: INSTRUCTION_WIDTHS[i] ?? 10 })));
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
    row(cells.map((text, i) => ({ text, style: STYLE.body, width: INSTRUCTION_WIDTHS[i] ?? 10 })));
  }
  const last = columnLetter(INSTRUCTION_HEADERS.length - 1);
  const stepLast = columnLetter(STEP_SPAN - 1);
  const cols = INSTRUCTION_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = [`A1:${stepLast}1`, ...content.steps.map((_, i) => `A${i + 2}:${stepLast}${i + 2}`)];
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    // Printed, the table fits the page width; on screen nothing changes.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${rows.length}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/>` +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" paperSize="9" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

/** Steps and title span the first four columns of the table. */
const STEP_SPAN = 4;

/** How many lines `text` takes in a column `width` characters wide (CJK characters count two). */
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/u.test(ch) ? 2 : 1;
  return width;
}

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const APP_PROPS =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>dgmi</Application></Properties>';

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/**
 * Fonts: 0 normal, 1 bold, 2 bold title. Fills: 2 indicator header blue, 3 row header grey.
 * cellXfs in the order of {@link STYLE}.
 */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="4">' +
  '<fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>' +
  '</fills>' +
  '<borders count="2">' +
  '<border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FFA6A6A6"/></left><right style="thin"><color rgb="FFA6A6A6"/></right>' +
  '<top style="thin"><color rgb="FFA6A6A6"/></top><bottom style="thin"><color rgb="FFA6A6A6"/></bottom><diagonal/></border>' +
  '</borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="1" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
