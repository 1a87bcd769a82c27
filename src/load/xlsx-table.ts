/**
 * An .xlsx sheet → the table shape `parseCsvTable` returns, so the rest of the loader treats
 * a workbook exactly like a CSV file: `line` is the sheet's row number and a field's index is
 * its column (0 = A), which together give the cell address (`Sheet1!D7`).
 *
 * Cells become the text a person sees in Excel, so they go through the same `parseCell`
 * checks as CSV cells: numbers as their shortest decimal text, percent-formatted numbers as
 * `85%` (0.85 stored), dates as `2022-03-01` (an error in a numeric indicator, as in CSV),
 * booleans as TRUE/FALSE, error cells as `#DIV/0!`, formulas as their cached result.
 *
 * Workbooks arrive from many offices, and a zip is an easy way to hide a lot of bytes, so
 * nothing here trusts the archive: sizes are checked against limits from the central directory
 * before anything is inflated, inflation is capped at the declared size (a lying header fails
 * rather than grows), CRCs are checked, and cell counts and text lengths are bounded. Every
 * failure is a diagnostic. No dependency: Node's zlib inflates, and the few XML shapes an
 * .xlsx uses are read with bounded regular expressions, one row at a time.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import type { Diagnostic, DiagnosticArgs, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import { columnLetter } from './columns.js';
import type { CsvRecord, CsvTable } from './csv-table.js';

/** Bounds on what one workbook may cost to read. */
export interface XlsxLimits {
  /** Sum of the unpacked sizes of the parts read (workbook, styles, strings, the sheet). */
  readonly maxUnpackedBytes: number;
  /** The shared strings part is decoded as one text, so it has a tighter bound. */
  readonly maxStringsBytes: number;
  /** Any other part read (workbook, relationships, styles): small in every real file. */
  readonly maxPartBytes: number;
  /** Cells holding a value, and entries in the shared strings table. */
  readonly maxCells: number;
}

/** Room for a township-scale sheet (40,000 rows × 200 indicators ≈ 300 MB of XML). */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxStringsBytes: 256 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxCells: 20_000_000,
};

/** The most characters Excel lets a cell hold; a longer text was not written by Excel. */
export const EXCEL_MAX_TEXT_LENGTH = 32_767;
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

export interface XlsxTable extends CsvTable {
  /** Name of the sheet that was read. */
  readonly sheet: string;
}

export interface XlsxTableResult {
  readonly table?: XlsxTable;
  readonly diagnostics: Diagnostic[];
}

export interface XlsxTableOptions {
  /** Sheet name (as its tab shows it); the first sheet when absent. */
  readonly sheet?: string | undefined;
  readonly limits?: Partial<XlsxLimits> | undefined;
}

/** What a submission's bytes are, by magic number first and extension second. */
export type SubmissionFormat = 'xlsx' | 'ole' | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XLSX_EXTENSION = /\.(?:xlsx|xlsm|xltx|xltm)$/iu;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * `xlsx` for a zip (or a file named .xlsx that is not one: the parser then says it is damaged),
 * `ole` for an OLE compound file (an encrypted workbook or an old .xls, whatever its name),
 * `text` for everything else.
 */
export function sniffSubmission(bytes: Uint8Array, path: string): SubmissionFormat {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  return XLSX_EXTENSION.test(path) ? 'xlsx' : 'text';
}

/**
 * The diagnostic for an OLE compound file. Office stores a password-protected .xlsx in one,
 * with an `EncryptedPackage` stream; anything else in that container is a legacy .xls.
 */
export function oleFileDiagnostic(bytes: Uint8Array, path: string): Diagnostic {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isEncrypted = buffer.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) !== -1;
  return makeDiagnostic(isEncrypted ? 'xlsx-encrypted' : 'xlsx-legacy-xls', { path }, { file: path });
}

/** `Sheet1!D7`, quoting the sheet name as Excel does when it is not a plain word (`'第 1 季'!D7`). */
export function cellAddress(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

/**
 * Add `sheet` and `cell` (`Sheet1!D7`) to the args of the diagnostics from `start` on that
 * point at a cell of `file`, so a reader can jump to the cell in Excel.
 */
export function addCellAddresses(diagnostics: Diagnostic[], start: number, file: string, sheet: string): void {
  for (let i = start; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (!d || d.file !== file || d.line === undefined || d.column === undefined || 'cell' in d.args) continue;
    diagnostics[i] = { ...d, args: { ...d.args, sheet, cell: cellAddress(sheet, d.column - 1, d.line) } };
  }
}

/** Read one sheet of an .xlsx workbook as a table. Pure. */
export function parseXlsxTable(bytes: Uint8Array, file: string, options: XlsxTableOptions = {}): XlsxTableResult {
  const limits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const at = { file };
  const zip = readZipDirectory(bytes);
  if (typeof zip === 'string') return fail(makeDiagnostic('xlsx-corrupt', { path: file, reason: zip }, at));
  const parts = new PartReader(bytes, zip, file, limits);
  // Workbook, relationships and styles are inflated before the sheet is chosen; each is bounded by maxPartBytes.

  const workbook = findWorkbook(parts);
  if ('failure' in workbook) return fail(workbook.failure);
  const sheets = workbook.sheets;
  const chosen = chooseSheet(sheets, options.sheet, file);
  if ('failure' in chosen) return fail(chosen.failure);

  // Declared sizes first: a bomb is refused before a single byte of it is inflated.
  const budget = parts.checkBudget([workbook.path, workbook.relsPath, workbook.stylesPath, workbook.stringsPath, chosen.path]);
  if (budget) return fail(budget);

  const styles = workbook.stylesPath === undefined ? { ok: [] as StyleKind[] } : readStyles(parts, workbook.stylesPath);
  if ('failure' in styles) return fail(styles.failure);
  const strings = workbook.stringsPath === undefined ? { ok: [] as string[] } : readSharedStrings(parts, workbook.stringsPath, chosen.name, limits.maxCells);
  if ('failure' in strings) return fail(strings.failure);

  const sheetBytes = parts.inflate(chosen.path, 'sheet');
  if ('failure' in sheetBytes) return fail(sheetBytes.failure);
  const context: SheetContext = {
    file,
    sheet: chosen.name,
    strings: strings.ok,
    styles: styles.ok,
    is1904: workbook.is1904,
    maxCells: limits.maxCells,
  };
  return readSheet(sheetBytes.ok, context);
}

function fail(failure: Diagnostic): XlsxTableResult {
  return { diagnostics: [failure] };
}

/** A step that either gives a value or the one diagnostic that stops the file. */
type Step<T> = { readonly ok: T } | { readonly failure: Diagnostic };

// ─── zip container ───────────────────────────────────────────────────────────────────────

/** One member of the archive, from its central directory record. */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const MAX_ENTRIES = 65_535;

/**
 * The central directory of a zip: its entries by lower-cased name (OPC part names are
 * case-insensitive), or the reason it cannot be read.
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || !startsWith(bytes, ZIP_MAGIC)) return 'not a zip archive';
  let eocd = -1;
  for (let p = bytes.byteLength - 22; p >= Math.max(0, bytes.byteLength - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd === -1) return 'the end of the zip directory is missing: the file is cut short';
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return 'a zip64 directory without its locator';
    const zip64 = safeNumber(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > bytes.byteLength || view.getUint32(zip64, true) !== ZIP64_EOCD) return 'a damaged zip64 directory';
    count = safeNumber(view.getBigUint64(zip64 + 32, true));
    size = safeNumber(view.getBigUint64(zip64 + 40, true));
    offset = safeNumber(view.getBigUint64(zip64 + 48, true));
  }
  if (count > MAX_ENTRIES) return `${count} entries in the zip directory`;
  if (offset + size > bytes.byteLength) return 'the zip directory points past the end of the file';
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CENTRAL_ENTRY) return 'a damaged zip directory entry';
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.byteLength) return 'a damaged zip directory entry';
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLength).toString('utf8');
    let entry: ZipEntry = {
      name,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    entry = withZip64Sizes(entry, view, p + 46 + nameLength, extraLength);
    entries.set(name.replace(/^\/+/u, '').toLowerCase(), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** 2^53 and beyond cannot be a byte count of a file we were allowed to read. */
function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Sizes and offset of 0xFFFFFFFF are in the zip64 extra field (id 1), in this order. */
function withZip64Sizes(entry: ZipEntry, view: DataView, start: number, length: number): ZipEntry {
  if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return entry;
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const value = q + 8 <= p + 4 + size ? safeNumber(view.getBigUint64(q, true)) : Number.MAX_SAFE_INTEGER;
        q += 8;
        return value;
      };
      const size64 = entry.size === 0xffffffff ? next() : entry.size;
      const compressed64 = entry.compressedSize === 0xffffffff ? next() : entry.compressedSize;
      const offset64 = entry.localOffset === 0xffffffff ? next() : entry.localOffset;
      return { ...entry, size: size64, compressedSize: compressed64, localOffset: offset64 };
    }
    p += 4 + size;
  }
  return entry;
}

/**
 * The unpacked bytes of `entry`, never more than its declared size (a header that lies about
 * the size makes zlib stop, not grow), with its CRC checked; or the reason it cannot be read.
 */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer | string {
  if ((entry.flags & 1) !== 0) return 'encrypted';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_ENTRY) return `a damaged zip entry '${entry.name}'`;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return `'${entry.name}' is cut short`;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      // One byte of room past the declared size tells "more than declared" from "exactly that".
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      return code === 'ERR_BUFFER_TOO_LARGE' ? `'${entry.name}' unpacks to more than its declared size` : `'${entry.name}' cannot be unpacked`;
    }
  } else {
    return `'${entry.name}' uses an unsupported compression method (${entry.method})`;
  }
  if (out.byteLength !== entry.size) return `'${entry.name}' unpacks to ${out.byteLength} bytes, not the declared ${entry.size}`;
  if (crc32(out) >>> 0 !== entry.crc >>> 0) return `'${entry.name}' fails its checksum`;
  return out;
}

/** Reads parts of the package by name, every failure worded for the file. */
class PartReader {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly file: string,
    private readonly limits: XlsxLimits,
  ) {}

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Refuse up front when the parts to read (the sheet last) declare more than the limits allow. */
  checkBudget(paths: readonly (string | undefined)[]): Diagnostic | undefined {
    let total = 0;
    for (const [k, path] of paths.entries()) {
      if (path === undefined) continue;
      const entry = this.entries.get(path.toLowerCase());
      if (!entry) continue;
      total += entry.size;
      const max = this.maxFor(path, k === paths.length - 1 ? 'sheet' : 'part');
      if (entry.size > max) return this.tooLarge(path, entry.size, max);
      if (total > this.limits.maxUnpackedBytes) return this.tooLarge(path, total, this.limits.maxUnpackedBytes);
    }
    return undefined;
  }

  private tooLarge(part: string, size: number, maxBytes: number): Diagnostic {
    return makeDiagnostic('xlsx-unpacked-too-large', { path: this.file, part, size, maxBytes }, { file: this.file });
  }

  /** The sheet may be large; shared strings are decoded whole; anything else is small. */
  private maxFor(path: string, role: 'sheet' | 'part'): number {
    if (role === 'sheet') return this.limits.maxUnpackedBytes;
    return /sharedstrings\d*\.xml$/iu.test(path) ? this.limits.maxStringsBytes : this.limits.maxPartBytes;
  }

  inflate(path: string, role: 'sheet' | 'part' = 'part'): Step<Buffer> {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return this.corrupt(`the part '${path}' is missing`);
    const max = this.maxFor(path, role);
    if (entry.size > max) return { failure: this.tooLarge(path, entry.size, max) };
    const out = inflateZipEntry(this.bytes, entry);
    if (out === 'encrypted') return { failure: makeDiagnostic('xlsx-encrypted', { path: this.file }, { file: this.file }) };
    if (typeof out === 'string') return this.corrupt(out);
    return { ok: out };
  }

  /** A small XML part as text (workbook, relationships, styles, strings). */
  text(path: string): Step<string> {
    const out = this.inflate(path);
    if ('failure' in out) return out;
    const text = xmlText(out.ok);
    return text === undefined ? this.corrupt(`'${path}' is too large to decode`) : { ok: text };
  }

  corrupt(reason: string): { failure: Diagnostic } {
    return { failure: this.diagnostic('xlsx-corrupt', { reason }) };
  }

  /** A diagnostic about the whole file. */
  diagnostic(code: 'xlsx-corrupt' | 'xlsx-not-a-workbook' | 'xlsx-text-too-long' | 'xlsx-too-many-cells', args: DiagnosticArgs): Diagnostic {
    return makeDiagnostic(code, { path: this.file, ...args }, { file: this.file });
  }
}

/** XML bytes → text: UTF-8 (BOM dropped) or UTF-16 with BOM; undefined past V8's string limit. */
function xmlText(bytes: Buffer): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

// ─── XML, the few shapes an .xlsx uses ───────────────────────────────────────────────────

/** An element's opening tags, with any namespace prefix (`<x:row …>` as well as `<row …>`). */
function tags(xml: string, name: string): RegExpMatchArray[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'gu'))];
}

/** The text between the first `<name …>` and its `</name>`, or undefined. */
function elementBody(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'u').exec(xml);
  return match ? (match[1] ?? '') : undefined;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** Attributes of a tag, decoded; a prefixed name is also stored under its local name (`r:id` → `id`). */
function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    const value = decodeXml(m[2] ?? m[3] ?? '');
    map.set(name, value);
    const colon = name.indexOf(':');
    if (colon !== -1 && !map.has(name.slice(colon + 1))) map.set(name.slice(colon + 1), value);
  }
  return map;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/giu;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code === undefined) return NAMED[name ?? ''] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML escapes characters XML cannot hold as `_x000D_` (and a literal `_x` as `_x005F_x`). */
function decodeOoxmlText(text: string): string {
  const decoded = decodeXml(text);
  if (!decoded.includes('_x')) return decoded;
  return decoded.replace(/_x([0-9a-f]{4})_/giu, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The visible text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic guides. */
function runText(xml: string): string {
  const visible = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/gu, '') : xml;
  let text = '';
  for (const m of visible.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/gu)) text += decodeOoxmlText(m[1] ?? '');
  return text;
}

// ─── package: workbook, relationships, styles, strings ──────────────────────────────────

interface SheetRef {
  readonly name: string;
  readonly path: string;
}

interface WorkbookParts {
  readonly path: string;
  readonly relsPath: string;
  readonly sheets: readonly SheetRef[];
  readonly stylesPath?: string | undefined;
  readonly stringsPath?: string | undefined;
  readonly is1904: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/u;

/** The workbook part, its sheets in tab order and the styles and strings parts it uses. */
function findWorkbook(parts: PartReader): WorkbookParts | { failure: Diagnostic } {
  let path = 'xl/workbook.xml';
  if (parts.has('_rels/.rels')) {
    const rels = parts.text('_rels/.rels');
    if ('failure' in rels) return rels;
    const main = relationships(rels.ok, '').find((r) => OFFICE_DOCUMENT.test(r.type));
    if (main) path = main.target;
  }
  if (!parts.has(path)) return { failure: notAWorkbook(parts) };
  const workbook = parts.text(path);
  if ('failure' in workbook) return workbook;
  const relsPath = `${dirname(path)}_rels/${basename(path)}.rels`;
  const rels = parts.has(relsPath) ? parts.text(relsPath) : { ok: '' };
  if ('failure' in rels) return rels;
  const byId = new Map(relationships(rels.ok, dirname(path)).map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  for (const [, attrs = ''] of tags(workbook.ok, 'sheet')) {
    const a = attributes(attrs);
    const target = byId.get(a.get('id') ?? '');
    // Chart sheets and dialog sheets hold no cells; they are not offered.
    if (target && /\/worksheet$/u.test(target.type)) sheets.push({ name: a.get('name') ?? '', path: target.target });
  }
  if (sheets.length === 0) return parts.corrupt('the workbook has no worksheet');
  const all = [...byId.values()];
  const workbookPr = tags(workbook.ok, 'workbookPr')[0]?.[1] ?? '';
  const date1904 = attributes(workbookPr).get('date1904');
  return {
    path,
    relsPath,
    sheets,
    stylesPath: all.find((r) => /\/styles$/u.test(r.type))?.target,
    stringsPath: all.find((r) => /\/sharedStrings$/u.test(r.type))?.target,
    is1904: date1904 === '1' || date1904 === 'true',
  };
}

/** Name the kind of zip it is instead, so the hint about saving as .xlsx makes sense. */
function notAWorkbook(parts: PartReader): Diagnostic {
  const names = parts.names();
  const kind = names.includes('mimetype') && names.some((n) => n === 'content.xml')
    ? 'OpenDocument (.ods)'
    : names.some((n) => n.endsWith('workbook.bin'))
      ? 'Excel binary workbook (.xlsb)'
      : names.some((n) => n.startsWith('word/'))
        ? 'Word document'
        : names.some((n) => n.startsWith('ppt/'))
          ? 'PowerPoint presentation'
          : 'no workbook inside';
  return parts.diagnostic('xlsx-not-a-workbook', { kind });
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Part name, resolved against the source part's folder, without a leading slash. */
  readonly target: string;
}

function relationships(xml: string, base: string): Relationship[] {
  return tags(xml, 'Relationship').flatMap(([, attrs = '']) => {
    const a = attributes(attrs);
    if (a.get('TargetMode') === 'External') return [];
    return [{ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: resolvePart(base, a.get('Target') ?? '') }];
  });
}

function resolvePart(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function chooseSheet(sheets: readonly SheetRef[], wanted: string | undefined, file: string): SheetRef | { failure: Diagnostic } {
  const first = sheets[0];
  if (wanted === undefined && first) return first;
  const key = (name: string) => name.normalize('NFKC').trim().toLowerCase();
  const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => key(s.name) === key(wanted ?? ''));
  if (found) return found;
  const names = sheets.map((s) => s.name);
  return {
    failure: makeDiagnostic(
      'xlsx-sheet-not-found',
      { path: file, sheet: wanted ?? '', sheets: names.join(', '), suggestion: suggestClosest(wanted ?? '', names) ?? '' },
      { file },
    ),
  };
}

/** How a cell style shows a number, which decides how its value reads as text. */
type StyleKind = 'number' | 'percent' | 'date';

/** Built-in number formats: 9–10 percent; 14–22, 27–36, 45–47, 50–58 dates and times (incl. the CJK ones). */
function builtinKind(id: number): StyleKind {
  if (id === 9 || id === 10) return 'percent';
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return 'date';
  return 'number';
}

/** A custom format code: percent if it has `%`, a date if it has date or time letters (outside quotes and colours). */
export function formatCodeKind(code: string): StyleKind {
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/_./gu, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/giu, '')
    .replace(/general/giu, '')
    .replace(/e[+-]/giu, '');
  if (bare.includes('%')) return 'percent';
  return /[ymdhs]/iu.test(bare) ? 'date' : 'number';
}

function readStyles(parts: PartReader, path: string): Step<StyleKind[]> {
  if (!parts.has(path)) return { ok: [] };
  const xml = parts.text(path);
  if ('failure' in xml) return xml;
  const custom = new Map<number, StyleKind>();
  for (const [, attrs = ''] of tags(xml.ok, 'numFmt')) {
    const a = attributes(attrs);
    custom.set(Number(a.get('numFmtId')), formatCodeKind(a.get('formatCode') ?? ''));
  }
  const cellXfs = elementBody(xml.ok, 'cellXfs') ?? '';
  return {
    ok: tags(cellXfs, 'xf').map(([, attrs = '']) => {
      const id = Number(attributes(attrs).get('numFmtId') ?? 0);
      return custom.get(id) ?? builtinKind(id);
    }),
  };
}

function readSharedStrings(parts: PartReader, path: string, sheet: string, maxCells: number): Step<string[]> {
  if (!parts.has(path)) return { ok: [] };
  const xml = parts.text(path);
  if ('failure' in xml) return xml;
  const strings: string[] = [];
  for (const m of xml.ok.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/gu)) {
    const text = runText(m[1] ?? '');
    if (text.length > EXCEL_MAX_TEXT_LENGTH) return { failure: parts.diagnostic('xlsx-text-too-long', { length: text.length }) };
    strings.push(text);
    if (strings.length > maxCells) return { failure: parts.diagnostic('xlsx-too-many-cells', { sheet, max: maxCells }) };
  }
  return { ok: strings };
}

// ─── the sheet ───────────────────────────────────────────────────────────────────────────

interface SheetContext {
  readonly file: string;
  readonly sheet: string;
  readonly strings: readonly string[];
  readonly styles: readonly StyleKind[];
  readonly is1904: boolean;
  readonly maxCells: number;
}

interface SheetRow {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Scan the sheet row by row in its bytes (a sheet may be hundreds of megabytes; one row at a
 * time is decoded), turning each cell into the text a person sees.
 */
function readSheet(bytes: Buffer, context: SheetContext): XlsxTableResult {
  const { file } = context;
  const diagnostics: Diagnostic[] = [];
  const corrupt = (reason: string): XlsxTableResult => fail(makeDiagnostic('xlsx-corrupt', { path: file, reason }, { file }));
  const open = /<([\w.-]+:)?sheetData\b/u.exec(bytes.toString('latin1', 0, Math.min(bytes.byteLength, 1 << 16)));
  let dataStart = -1;
  let prefix = '';
  if (open) {
    dataStart = open.index;
    prefix = open[1] ?? '';
  } else {
    // A long <cols> list can push sheetData past the first 64 KiB.
    dataStart = bytes.indexOf('sheetData');
    if (dataStart !== -1) {
      const lt = bytes.lastIndexOf('<', dataStart);
      prefix = bytes.toString('latin1', lt + 1, dataStart);
      dataStart = lt;
    }
  }
  if (dataStart === -1) return corrupt(`sheet '${context.sheet}' has no cell data`);
  const openEnd = bytes.indexOf('>', dataStart);
  const isEmptySheet = openEnd !== -1 && bytes[openEnd - 1] === 0x2f;
  const closeTag = `</${prefix}sheetData>`;
  const dataEnd = isEmptySheet ? openEnd : bytes.indexOf(closeTag, openEnd);
  if (openEnd === -1 || dataEnd === -1) return corrupt(`sheet '${context.sheet}' is cut short`);

  const rows: SheetRow[] = [];
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  let cells = 0;
  let uncached = 0;
  let firstUncached = '';
  let previousLine = 0;
  for (let pos = openEnd + 1; pos < dataEnd; ) {
    const start = bytes.indexOf(rowOpen, pos);
    if (start === -1 || start >= dataEnd) break;
    const after = bytes[start + rowOpen.length];
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
      pos = start + rowOpen.length;
      continue;
    }
    const tagEnd = bytes.indexOf('>', start);
    if (tagEnd === -1 || tagEnd > dataEnd) return corrupt(`sheet '${context.sheet}' is cut short`);
    const isEmptyRow = bytes[tagEnd - 1] === 0x2f;
    const end = isEmptyRow ? tagEnd + 1 : bytes.indexOf(rowClose, tagEnd);
    if (end === -1 || end > dataEnd) return corrupt(`sheet '${context.sheet}' is cut short`);
    pos = isEmptyRow ? end : end + rowClose.length;
    let text: string;
    try {
      text = bytes.toString('utf8', start, end);
    } catch {
      return corrupt(`a row of sheet '${context.sheet}' is too large to decode`);
    }
    const rowTag = text.slice(0, tagEnd - start + 1);
    const declared = Number(attributes(rowTag).get('r') ?? Number.NaN);
    const line = Number.isInteger(declared) ? declared : previousLine + 1;
    if (line < 1 || line > EXCEL_MAX_ROWS) return corrupt(`a row number ${line} outside 1–${EXCEL_MAX_ROWS}`);
    previousLine = line;
    if (isEmptyRow) continue;
    const fields: string[] = [];
    let column = -1;
    for (const m of text.slice(rowTag.length).matchAll(CELL)) {
      const a = cellAttributes(m[1] ?? '');
      const ref = a.r;
      column = ref === undefined ? column + 1 : columnIndex(ref);
      if (column < 0 || column >= EXCEL_MAX_COLUMNS) return corrupt(`a cell reference '${ref ?? ''}' outside A–XFD`);
      const cell = cellText(a, m[2] ?? '', context);
      if (cell === undefined) return corrupt(`cell ${columnLetter(column)}${line} points to a missing shared string`);
      if (cell.text === '') continue;
      if (++cells > context.maxCells) return fail(tooManyCells(context));
      if (cell.text.length > EXCEL_MAX_TEXT_LENGTH) return fail(makeDiagnostic('xlsx-text-too-long', { path: file, length: cell.text.length }, { file }));
      if (cell.isUncachedFormula && uncached++ === 0) firstUncached = cellAddress(context.sheet, column, line);
      while (fields.length < column) fields.push('');
      fields[column] = cell.text;
    }
    if (fields.some((f) => f.trim() !== '')) rows.push({ line, fields });
  }
  if (uncached > 0) {
    diagnostics.push(makeDiagnostic('xlsx-formula-uncached', { path: file, count: uncached, cell: firstUncached }, { file }));
  }
  const merges = mergedRanges(bytes, dataEnd);
  return { ...tableOf(rows, merges, context, diagnostics), diagnostics };
}

/** `<c …/>` or `<c …>…</c>`; the lazy attribute match tries `/>` first, so an empty cell never swallows the next. */
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/gu;
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/u;
const FORMULA = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/u;
const INLINE = /<(?:[\w.-]+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?is>)/u;

interface CellAttributes {
  r?: string;
  t?: string;
  s?: string;
}

/**
 * The three attributes a cell's reading depends on, scanned by hand rather than with the general
 * attribute map: this runs once per cell, millions of times for a large sheet, and none of the
 * three ever holds an entity.
 */
function cellAttributes(text: string): CellAttributes {
  const a: CellAttributes = {};
  for (let i = 0; i < text.length; ) {
    const eq = text.indexOf('=', i);
    if (eq === -1) break;
    const name = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < text.length && text.charCodeAt(q) <= 32) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, q + 1);
    if (end === -1) break;
    if (name === 'r') a.r = text.slice(q + 1, end);
    else if (name === 't') a.t = text.slice(q + 1, end);
    else if (name === 's') a.s = text.slice(q + 1, end);
    i = end + 1;
  }
  return a;
}

/** 0-based column of a reference like `AB12`, or -1. */
function columnIndex(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > EXCEL_MAX_COLUMNS) return -1;
  }
  return i === 0 ? -1 : column - 1;
}

interface CellText {
  readonly text: string;
  readonly isUncachedFormula: boolean;
}

/** A cell as the text a person sees; undefined when it points to a shared string that is not there. */
function cellText(a: CellAttributes, inner: string, context: SheetContext): CellText | undefined {
  const type = a.t ?? 'n';
  const raw = VALUE.exec(inner)?.[1];
  const value = raw === undefined || (!raw.includes('&') && !raw.includes('_x')) ? raw : decodeOoxmlText(raw);
  if (type === 'inlineStr') return { text: runText(INLINE.exec(inner)?.[1] ?? ''), isUncachedFormula: false };
  if (value === undefined) {
    // A formula whose result was never saved (files written by scripts): show the formula, so
    // the cell is reported rather than read as empty.
    const formula = FORMULA.exec(inner);
    if (formula) return { text: `=${decodeXml(formula[1] ?? '')}`, isUncachedFormula: true };
    return { text: '', isUncachedFormula: false };
  }
  switch (type) {
    case 's': {
      const text = context.strings[Number(value)];
      return text === undefined ? undefined : { text, isUncachedFormula: false };
    }
    case 'b':
      return { text: value.trim() === '1' ? 'TRUE' : 'FALSE', isUncachedFormula: false };
    case 'str':
    case 'e':
    case 'd':
      return { text: value, isUncachedFormula: false };
    default:
      return { text: numberText(value.trim(), context.styles[Number(a.s ?? 0)] ?? 'number', context.is1904), isUncachedFormula: false };
  }
}

/** A stored number as Excel shows it, as far as parsing cares: percent as `85%`, a date as `2022-03-01`. */
function numberText(value: string, kind: StyleKind, is1904: boolean): string {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) return value;
  if (kind === 'percent') return percentText(value, n);
  if (kind === 'date') return dateText(n, is1904) ?? value;
  return value;
}

/** `0.0725` → `7.25%` by moving the decimal point in the text, so no floating-point error creeps in. */
export function percentText(value: string, n = Number(value)): string {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/u.exec(value);
  if (!m) return `${String(Number((n * 100).toPrecision(15)))}%`;
  const sign = m[1] === '-' ? '-' : '';
  const integer = m[2] ?? '';
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const whole = `${integer}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/u, '');
  const rest = fraction.slice(2).replace(/0+$/u, '');
  return `${sign}${whole}${rest === '' ? '' : `.${rest}`}%`;
}

const DAY_MS = 86_400_000;

/** A date serial as `2022-03-01`, `2022-03-01 08:30:00` or `08:30:00`; undefined when out of range. */
export function dateText(serial: number, is1904: boolean): string | undefined {
  // 1899-12-30 rather than 1900-01-01 absorbs Excel's phantom 29 Feb 1900 for every date after it.
  const epoch = is1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * DAY_MS);
  const date = new Date(epoch + ms);
  if (Number.isNaN(date.getTime()) || serial < 0 || serial > 2_958_465) return undefined;
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (serial < 1 && !is1904) return time;
  return ms % DAY_MS === 0 ? day : `${day} ${time}`;
}

function tooManyCells(context: SheetContext): Diagnostic {
  return makeDiagnostic('xlsx-too-many-cells', { path: context.file, sheet: context.sheet, max: context.maxCells }, { file: context.file });
}

interface CellRange {
  readonly ref: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** `<mergeCell ref="A1:C1"/>` elements, which follow the cell data. */
function mergedRanges(bytes: Buffer, from: number): CellRange[] {
  const start = bytes.indexOf('mergeCell', from);
  if (start === -1) return [];
  const end = bytes.indexOf('mergeCells>', start + 10);
  const xml = bytes.toString('utf8', start - 1, end === -1 ? bytes.byteLength : end + 11);
  return tags(xml, 'mergeCell').flatMap(([, attrs = '']) => {
    const ref = attributes(attrs).get('ref') ?? '';
    const m = /^([a-z]+)(\d+):([a-z]+)(\d+)$/iu.exec(ref);
    if (!m) return [];
    return [{ ref, top: Number(m[2]), bottom: Number(m[4]), left: columnIndex(m[1] ?? ''), right: columnIndex(m[3] ?? '') }];
  });
}

/** The first non-blank row is the header, as in CSV; merged cells in it make the columns unknowable. */
function tableOf(rows: readonly SheetRow[], merges: readonly CellRange[], context: SheetContext, diagnostics: Diagnostic[]): { table?: XlsxTable } {
  const { file, sheet } = context;
  const header = rows[0];
  if (!header) {
    diagnostics.push(makeDiagnostic('file-empty', { path: file }, { file }));
    return {};
  }
  const inHeader = merges.filter((m) => m.top <= header.line && header.line <= m.bottom);
  for (const merge of inHeader) {
    const cell = cellAddress(sheet, merge.left, merge.top);
    diagnostics.push(makeDiagnostic('xlsx-merged-header', { range: merge.ref, sheet, cell }, at(file, merge.top, merge.left)));
  }
  if (inHeader.length > 0) return {};
  const below = merges.filter((m) => m.top > header.line);
  if (below.length > 0) {
    const first = below[0];
    const ranges = below.slice(0, 5).map((m) => m.ref).join(', ') + (below.length > 5 ? ', …' : '');
    const cell = first ? cellAddress(sheet, first.left, first.top) : '';
    diagnostics.push(makeDiagnostic('xlsx-merged-cells', { count: below.length, ranges, sheet, cell }, first ? at(file, first.top, first.left) : { file }));
  }
  const width = rows.reduce((max, row) => Math.max(max, row.fields.length), 0);
  // Wrapped header cells (`名称⏎单位⏎(id)`) are one line in a message; matching ignores the breaks anyway.
  const headerFields = header.fields.map((f) => f.replace(/\s*[\r\n]+\s*/gu, ' '));
  while (headerFields.length < width) headerFields.push('');
  const records: CsvRecord[] = rows.slice(1).map((row) => ({ fields: row.fields, line: row.line, isRagged: false }));
  if (records.length === 0) diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: header.line }));
  return { table: { delimiter: ',', header: headerFields, headerLine: header.line, records, sheet } };
}

function at(file: string, line: number, column: number): SourceLocation {
  return { file, line, column: column + 1 };
}
