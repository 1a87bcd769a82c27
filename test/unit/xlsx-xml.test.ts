import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import { percentStyles, readWorkbook, scanSheet, XmlPartError } from '../../src/load/xlsx-xml.js';
import { oneSheet } from '../fixtures/xlsx/workbook.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('the XML the loader reads itself', () => {
  it('reads sheet names with entities and OOXML escapes, and relationships by local name', () => {
    const workbook = `<x:workbook xmlns:x="${NS}" xmlns:r="${R}"><x:sheets><x:sheet name="R&amp;D_x0020_表" sheetId="1" r:id="rId1"/><x:sheet name="Chart" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/s1.xml"/><Relationship Id="rId2" Type="${R}/chartsheet" Target="chartsheets/c1.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="/xl/styles.xml"/></Relationships>`;
    // The chart sheet holds no cells and is not offered.
    expect(readWorkbook(workbook, rels, { workbook: 'wb', rels: 'rels' })).toEqual({ sheets: [{ name: 'R&D 表', path: 'xl/worksheets/s1.xml' }], styles: 'xl/styles.xml', strings: undefined });
  });

  it('finds the percent styles among the first cellXfs only (cellStyleXfs and dxfs do not count)', () => {
    // cellXfs index 0: General; 1: built-in 10 (0.00%); 2: custom 164 `0.0%`; 3: custom 165 `"%"0` (a quoted %, not a percentage).
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="&quot;%&quot;0"/></numFmts><cellStyleXfs><xf numFmtId="9"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    expect([...percentStyles(styles, 'styles.xml')]).toEqual([1, 2]);
  });

  it('reads error results, uncached formulas (entities decoded) and percent cells; other cells are left to the library', () => {
    const sheet = `<worksheet><sheetData><row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2"><f>A2&amp;"x"</f></c><c r="C2" s="1"><v>0.0725</v></c><c r="D2" s="0"><v>0.5</v></c><c r="E2" t="s"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells></worksheet>`;
    const overlay = scanSheet(sheet, 'S', new Set([1]), 'sheet.xml');
    expect([...(overlay.cells.get(2) ?? [])]).toEqual([
      [0, '#DIV/0!'],
      [1, '=A2&"x"'],
      [2, '7.25%'],
    ]);
    expect([overlay.uncachedFormulas, overlay.firstUncachedFormula]).toEqual([1, 'S!B2']);
    expect(overlay.merges).toEqual([{ ref: 'A5:C6', top: 5, bottom: 6, left: 0, right: 2 }]);
  });

  it('reads the merged ranges of a sheet with nothing else to look for, without parsing its cells', () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><x:mergeCells xmlns:x="${NS}"><x:mergeCell ref="B2:D2"/></x:mergeCells></worksheet>`;
    expect(scanSheet(sheet, 'S', new Set(), 'sheet.xml')).toEqual({ cells: new Map(), uncachedFormulas: 0, firstUncachedFormula: '', merges: [{ ref: 'B2:D2', top: 2, bottom: 2, left: 1, right: 3 }] });
  });

  it('refuses a part that is not well-formed XML, naming it', () => {
    const broken = '<worksheet><sheetData><row r="1"><c r="A1" t="e"><v>#N/A</c></row></sheetData></worksheet>';
    expect(() => scanSheet(broken, 'S', new Set(), 'xl/worksheets/sheet1.xml')).toThrow(XmlPartError);
    expect(() => scanSheet(broken, 'S', new Set(), 'xl/worksheets/sheet1.xml')).toThrow(/'xl\/worksheets\/sheet1.xml' is not well-formed XML/u);
  });

  it('turns a malformed sheet into xlsx-corrupt for the file', async () => {
    const bytes = oneSheet([['region'], [{ xml: '<c r="REF" t="e"><v>#N/A</c>' }]]);
    const { table, diagnostics } = await readXlsxTable(bytes, 'broken.xlsx');
    expect(table).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-corrupt', file: 'broken.xlsx' })]);
    expect(String(diagnostics[0]?.args['reason'])).toMatch(/^'xl\/worksheets\/sheet1.xml' is not well-formed XML/u);
  });
});
