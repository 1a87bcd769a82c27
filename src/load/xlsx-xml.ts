/**
 * The parts of an .xlsx the loader reads itself, read with an XML parser — saxen, the streaming
 * parser read-excel-file itself reads the sheet with, so one parser serves both passes:
 * the workbook's sheets and their parts, the cell styles that show a number as a percentage,
 * and, from a sheet, the cells whose text a person sees differently from what read-excel-file
 * returns (error results, formulas without a saved result, percent styles) and the merged
 * ranges. Names are matched by local name, so a prefixed part (`<x:c>`) reads the same.
 */
import { Parser } from 'saxen';
import { cellAddress, decodeOoxml, isPercentFormat, percentText } from './xlsx-cell-text.js';

/** What the handlers see of an element while it opens: its local name, and its attributes by local name (`r:id` → `id`). */
interface XmlElement {
  readonly name: string;
  attribute(local: string): string | undefined;
}

interface XmlHandlers {
  readonly open?: (element: XmlElement) => void;
  readonly close?: (name: string) => void;
  readonly text?: (text: string) => void;
}

/** A part that is not well-formed XML: where and why, in the parser's words. */
export class XmlPartError extends Error {}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by local name: unprefixed first, else the first prefixed one (`r:id`); raw, entities not yet decoded. */
function attributeOf(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const name in attributes) if (localName(name) === local) return attributes[name];
  return undefined;
}

/**
 * The element being opened. One object serves every tag of a part (handlers read it before the
 * next tag arrives): a sheet has a tag per cell, and most are never asked for an attribute.
 */
class CurrentElement implements XmlElement {
  name = '';
  private readAttributes: () => Record<string, string> = () => ({});
  private attributes: Record<string, string> | undefined;
  private decode: (text: string) => string = (text) => text;

  next(name: string, readAttributes: () => Record<string, string>, decode: (text: string) => string): this {
    this.name = localName(name);
    this.readAttributes = readAttributes;
    this.attributes = undefined;
    this.decode = decode;
    return this;
  }

  attribute(local: string): string | undefined {
    this.attributes ??= this.readAttributes();
    const value = attributeOf(this.attributes, local);
    return value === undefined ? undefined : this.decode(value);
  }
}

/** Run `handlers` over `xml` (a whole part, or one element of it); throws {@link XmlPartError}. */
function walkXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new Parser();
  let failure: Error | undefined;
  // Malformed attributes come as warnings and are skipped, as Excel's own reader would not care.
  parser.on('error', (error) => {
    failure ??= error;
  });
  const { open, close, text } = handlers;
  const current = new CurrentElement();
  if (open) parser.on('openTag', (name, attributes, decode) => open(current.next(name, attributes, decode)));
  if (close) parser.on('closeTag', (name) => close(localName(name)));
  if (text) {
    parser.on('text', (value, decode) => text(decode(value)));
    parser.on('cdata', text);
  }
  parser.parse(xml);
  if (failure) throw new XmlPartError(`'${part}' is not well-formed XML (${failure.message})`);
}

// ─── workbook: sheets and parts ──────────────────────────────────────────────────────────

export interface SheetRef {
  readonly name: string;
  /** The part, as read-excel-file resolves the relationship's target. */
  readonly path: string;
}

export interface Workbook {
  readonly sheets: readonly SheetRef[];
  readonly styles?: string | undefined;
  readonly strings?: string | undefined;
}

/** The worksheets in tab order (chart sheets hold no cells and are not offered) and the styles and strings parts. */
export function readWorkbook(workbookXml: string, relsXml: string, parts: { workbook: string; rels: string }): Workbook {
  const targets = new Map<string, { type: string; path: string }>();
  if (relsXml !== '') {
    walkXml(relsXml, parts.rels, {
      open: (element) => {
        const { name } = element;
        const a = (local: string) => element.attribute(local);
        if (name !== 'Relationship') return;
        const target = a('Target') ?? '';
        targets.set(a('Id') ?? '', { type: a('Type') ?? '', path: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
      },
    });
  }
  const sheets: SheetRef[] = [];
  if (workbookXml !== '') {
    walkXml(workbookXml, parts.workbook, {
      open: (element) => {
        const { name } = element;
        const a = (local: string) => element.attribute(local);
        if (name !== 'sheet') return;
        const target = targets.get(a('id') ?? '');
        if (target && /\/worksheet$/u.test(target.type)) sheets.push({ name: decodeOoxml(a('name') ?? ''), path: target.path });
      },
    });
  }
  const all = [...targets.values()];
  return {
    sheets,
    styles: all.find((r) => /\/styles$/u.test(r.type))?.path,
    strings: all.find((r) => /\/sharedStrings$/u.test(r.type))?.path,
  };
}

/** Built-in number formats 9 (`0%`) and 10 (`0.00%`). */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** Indexes of the cell styles (`<c s="…">`) that show a number as a percentage. */
export function percentStyles(stylesXml: string, part: string): Set<number> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  /** 0 before the first `<cellXfs>`, 1 inside it, 2 after it (only the first counts). */
  let cellXfs = 0;
  if (stylesXml !== '') {
    walkXml(stylesXml, part, {
      open: (element) => {
        const { name } = element;
        const a = (local: string) => element.attribute(local);
        if (name === 'numFmt') custom.set(Number(a('numFmtId')), a('formatCode') ?? '');
        else if (name === 'cellXfs' && cellXfs === 0) cellXfs = 1;
        else if (name === 'xf' && cellXfs === 1) formats.push(Number(a('numFmtId') ?? 0));
      },
      close: (name) => {
        if (name === 'cellXfs' && cellXfs === 1) cellXfs = 2;
      },
    });
  }
  const styles = new Set<number>();
  formats.forEach((id, index) => {
    const code = custom.get(id);
    if (code === undefined ? BUILTIN_PERCENT_FORMATS.has(id) : isPercentFormat(code)) styles.add(index);
  });
  return styles;
}

// ─── a sheet: what the library does not report ───────────────────────────────────────────

export interface CellRange {
  readonly ref: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface SheetOverlay {
  /** Cell text that replaces what the library read, by row number then 0-based column. */
  readonly cells: ReadonlyMap<number, ReadonlyMap<number, string>>;
  readonly uncachedFormulas: number;
  readonly firstUncachedFormula: string;
  readonly merges: readonly CellRange[];
}

/** A cell reference (`AB12`): an address, not XML. */
const REFERENCE = /^([a-z]{1,3})(\d{1,7})$/iu;
const RANGE = /^([a-z]+)(\d+):([a-z]+)(\d+)$/iu;

/**
 * Cheap tests on the raw text for whether a full parse can find anything: a sheet without
 * percent styles, error cells or formulas (most submissions) is not parsed a second time after
 * the library. They only decide whether to look; what is read comes from the parser.
 */
const MAY_HAVE_ERROR = /\bt\s*=\s*["']e["']/u;
const MAY_HAVE_FORMULA = /<(?:[\w.-]+:)?f[\s>/]/u;

interface OpenCell {
  readonly ref: RegExpExecArray | null;
  readonly type: string;
  readonly style: string | undefined;
  /** The first `<v>` and `<f>` and their text; later ones are ignored, as Excel never writes two. */
  value?: string;
  formula?: string;
}

/**
 * The text a person sees where the library reads something else, and the merged ranges. The
 * sheet is parsed whole only when it may hold such cells; otherwise just its `<mergeCells>`.
 */
export function scanSheet(xml: string, sheet: string, percent: ReadonlySet<number>, part: string): SheetOverlay {
  const cells = new Map<number, Map<number, string>>();
  const merges: CellRange[] = [];
  let uncachedFormulas = 0;
  let firstUncachedFormula = '';
  let cell: OpenCell | undefined;
  let reading: 'value' | 'formula' | undefined;

  const openMerge = (element: XmlElement): void => {
    if (element.name !== 'mergeCell') return;
    const ref = element.attribute('ref') ?? '';
    const m = RANGE.exec(ref);
    if (m) merges.push({ ref, top: Number(m[2]), bottom: Number(m[4]), left: columnIndex(m[1] ?? ''), right: columnIndex(m[3] ?? '') });
  };
  const finishCell = (done: OpenCell): void => {
    const at = done.ref;
    if (!at) return;
    let shown: string | undefined;
    if (done.type === 'e') {
      shown = done.value ?? '';
    } else if (done.value === undefined && done.formula !== undefined) {
      shown = `=${done.formula}`;
      if (uncachedFormulas++ === 0) firstUncachedFormula = cellAddress(sheet, columnIndex(at[1] ?? ''), Number(at[2]));
    } else if (done.type === 'n' && done.style !== undefined && percent.has(Number(done.style)) && done.value) {
      shown = percentText(done.value.trim());
    }
    if (shown === undefined || shown === '') return;
    const line = Number(at[2]);
    const row = cells.get(line) ?? new Map<number, string>();
    row.set(columnIndex(at[1] ?? ''), shown);
    cells.set(line, row);
  };

  if (percent.size > 0 || MAY_HAVE_ERROR.test(xml) || MAY_HAVE_FORMULA.test(xml)) {
    walkXml(xml, part, {
      open: (element) => {
        const { name } = element;
        if (name === 'c') {
          cell = { ref: REFERENCE.exec(element.attribute('r') ?? ''), type: element.attribute('t') ?? 'n', style: element.attribute('s') };
        } else if (cell && name === 'v' && cell.value === undefined) {
          cell.value = '';
          reading = 'value';
        } else if (cell && name === 'f' && cell.formula === undefined) {
          cell.formula = '';
          reading = 'formula';
        } else {
          openMerge(element);
        }
      },
      close: (name) => {
        if (name === 'v' || name === 'f') reading = undefined;
        else if (name === 'c' && cell) {
          finishCell(cell);
          cell = undefined;
        }
      },
      text: (text) => {
        if (!cell || reading === undefined) return;
        if (reading === 'value') cell.value += text;
        else cell.formula += text;
      },
    });
  } else {
    const merged = mergeCellsElement(xml);
    if (merged !== undefined) walkXml(merged, part, { open: openMerge });
  }
  return { cells, uncachedFormulas, firstUncachedFormula, merges };
}

/** The sheet's `<mergeCells>…</mergeCells>` element as text (it follows the cells), or undefined. */
function mergeCellsElement(xml: string): string | undefined {
  const name = xml.indexOf('mergeCells');
  if (name === -1) return undefined;
  const start = xml.lastIndexOf('<', name);
  const closing = xml.lastIndexOf('mergeCells>');
  if (start === -1 || closing <= name) return undefined;
  return xml.slice(start, closing + 'mergeCells>'.length);
}

/** 0-based column of letters like `AB`. */
function columnIndex(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column - 1;
}
