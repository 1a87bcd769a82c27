/**
 * A large UTF-8 CSV file cut into pieces without being decoded (issue 14). Decoding 46 MB into
 * one string, cutting the string, and encoding each piece back into bytes for csv-parse (which
 * parses bytes) cost this thread about 0.3 s at township scale before any parsing began; the
 * bytes are cut instead, and each piece is parsed from its bytes where it is read. Only the
 * head of the file — up to the header and a little beyond — is decoded, and cut by
 * {@link splitCsvText} itself, so the header, the dialect and the rules for declining are that
 * function's. A line break (0x0A, 0x0D) never occurs inside a multi-byte UTF-8 character, so a
 * cut at one is a cut between characters.
 */
import { isUtf8 } from 'node:buffer';
import { splitCsvText, type BytesPiece, type CsvSplit } from './csv-table.js';

/** Bytes of the head decoded for {@link splitCsvText}: the header and enough data after it to be sure of the dialect. */
const HEAD_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** The bytes after a UTF-8 byte order mark, as a Buffer (a view, not a copy). */
function withoutBom(bytes: Uint8Array): Buffer {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return Buffer.from(bytes.buffer, bytes.byteOffset + (hasBom ? 3 : 0), bytes.byteLength - (hasBom ? 3 : 0));
}

/** Whether `bytes` is UTF-8 text as `decodeText` reads it: valid UTF-8 after any BOM, and no NUL in its first 8 KiB (binary). */
export function isUtf8Text(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return false;
  return isUtf8(withoutBom(bytes));
}

/** The decoded head of a UTF-8 file (after any BOM), for header checks: at least {@link HEAD_BYTES} and whole lines. */
export function utf8Head(bytes: Uint8Array): string {
  const source = withoutBom(bytes);
  return source.toString('utf8', 0, headEnd(source));
}

/** Where the head ends: after the first LF at or past `headBytes` (tests pass a small one), or at the end. */
function headEnd(source: Buffer, headBytes = HEAD_BYTES): number {
  if (source.length <= headBytes) return source.length;
  const lineEnd = source.indexOf(LF, headBytes);
  return lineEnd === -1 ? source.length : lineEnd + 1;
}

/**
 * {@link splitCsvText} for the bytes of a UTF-8 file: the same header, dialect, records, lines
 * and diagnostics once the pieces are parsed, or undefined where it declines (a double quote
 * anywhere, a first line ending in a bare CR, a last line break other than the record
 * delimiter, no data after the header within the head).
 */
export function splitCsvBytes(bytes: Uint8Array, file: string, count: number, headBytes = HEAD_BYTES): CsvSplit<BytesPiece> | undefined {
  if (!Number.isInteger(count) || count < 1) return undefined;
  const source = withoutBom(bytes);
  if (source.indexOf(QUOTE) !== -1) return undefined;
  const headLength = headEnd(source, headBytes);
  const head = splitCsvText(source.toString('utf8', 0, headLength), file, 1);
  const rest = head?.pieces[0];
  if (!head || !rest) return undefined;
  const { recordDelimiter } = head.dialect;
  const last = source[source.length - 1];
  if ((last === CR || last === LF) && !source.subarray(source.length - recordDelimiter.length).equals(Buffer.from(recordDelimiter))) return undefined;
  const dataStart = headLength - Buffer.byteLength(rest.text);
  const pieces: BytesPiece[] = [];
  let start = dataStart;
  let lineOffset = rest.lineOffset;
  for (let i = 1; i <= count && start < source.length; i++) {
    // Near the i-th equal share of the data; the last piece takes the rest.
    const cut = i === count ? -1 : source.indexOf(recordDelimiter, Math.max(start, dataStart + Math.floor(((source.length - dataStart) * i) / count)));
    const end = cut === -1 ? source.length : cut + recordDelimiter.length;
    const piece = source.subarray(start, end);
    pieces.push({ bytes: piece, lineOffset });
    lineOffset += linesCountedIn(piece, recordDelimiter);
    start = end;
  }
  if (pieces.length === 0) return undefined;
  return { dialect: head.dialect, header: head.header, headerLine: head.headerLine, pieces };
}

/** `linesCountedIn` of csv-table.ts for bytes: every CR and every LF, a CRLF once when it is the record delimiter. */
function linesCountedIn(bytes: Buffer, recordDelimiter: '\n' | '\r\n'): number {
  const breaks = countOf(bytes, LF) + countOf(bytes, CR);
  return recordDelimiter === '\r\n' ? breaks - countOf(bytes, '\r\n') : breaks;
}

function countOf(bytes: Buffer, needle: number | string): number {
  const step = typeof needle === 'string' ? needle.length : 1;
  let count = 0;
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + step)) count++;
  return count;
}
