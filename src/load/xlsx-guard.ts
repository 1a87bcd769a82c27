/**
 * What an .xlsx must pass before read-excel-file sees it. Workbooks arrive from many offices, and
 * a zip is an easy way to hide a lot of bytes, so the archive is not trusted:
 *
 * 1. The central directory is listed (fflate, inflating nothing) and the declared unpacked sizes
 *    of the XML parts are held against the limits: a bomb is refused before a byte of it grows.
 * 2. The parts to read are unpacked one by one, each stopped at its declared size by zlib's
 *    `maxOutputLength` — a header that lies about a size fails at once instead of inflating on —
 *    and held against the CRC-32 the directory declares (fflate does not check it).
 * 3. Only those parts, packed again without compression, are handed to the library. Its own
 *    unzipper walks local headers rather than the directory checked in step 1, so it must not
 *    see the original bytes.
 *
 * Every failure is a diagnostic; nothing here throws at a user.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { Unzip, unzipSync, zipSync, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipDecoderConstructor } from 'fflate';
import type { Diagnostic, DiagnosticArgs } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { centralDirectoryCrcs } from './zip-crc.js';

/** Bounds on what one workbook may cost to read. */
export interface XlsxLimits {
  /** Sum of the declared unpacked sizes of the archive's XML parts, and the most a sheet may unpack to. */
  readonly maxUnpackedBytes: number;
  /** The shared strings part is decoded as one text, so it has a tighter bound. */
  readonly maxStringsBytes: number;
  /** Any other part (workbook, relationships, styles…): small in every real file. */
  readonly maxPartBytes: number;
  /** Cells holding a value in the sheet read. */
  readonly maxCells: number;
}

/** Room for a township-scale sheet (40,000 rows × 200 indicators ≈ 300 MB of XML). */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxStringsBytes: 256 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxCells: 20_000_000,
};

/** More members than any workbook has; the listing stops there rather than walk a forged count. */
const MAX_ENTRIES = 10_000;

/** One member of the archive as its central directory declares it. */
export interface ArchiveEntry {
  readonly name: string;
  /** Declared unpacked size in bytes. */
  readonly size: number;
  /** Declared CRC-32; absent when the directory could not be followed for it. */
  readonly crc?: number;
}

/** The archive's members by lower-cased name (OPC part names ignore case). */
export type ArchiveListing = ReadonlyMap<string, ArchiveEntry>;

/** A step that either gives a value or the one diagnostic that stops the file. */
export type GuardStep<T> = { readonly ok: T } | { readonly failure: Diagnostic };

/** The parts a reader inflates: XML and relationships, never images or printer settings. */
function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/iu.test(name);
}

function isSheetPart(name: string): boolean {
  return /(?:^|\/)worksheets\/[^/]+\.xml$/iu.test(name);
}

function isStringsPart(name: string): boolean {
  return /sharedstrings\d*\.xml$/iu.test(name);
}

/** The most one part may unpack to: a sheet may be large, strings are decoded whole, the rest is small. */
function partLimit(name: string, limits: XlsxLimits): number {
  if (isSheetPart(name)) return limits.maxUnpackedBytes;
  return isStringsPart(name) ? limits.maxStringsBytes : limits.maxPartBytes;
}

/**
 * The central directory of `bytes`, checked against `limits` from the declared sizes alone:
 * each XML part within its own bound, and all of them together within `maxUnpackedBytes`.
 */
export function listArchive(bytes: Uint8Array, file: string, limits: XlsxLimits): GuardStep<ArchiveListing> {
  const entries = new Map<string, ArchiveEntry>();
  let failure: Diagnostic | undefined;
  let total = 0;
  try {
    // The filter sees every directory record and inflates nothing, since it accepts none.
    unzipSync(bytes, {
      filter: ({ name, originalSize }) => {
        if (failure) return false;
        if (entries.size >= MAX_ENTRIES) {
          failure = corrupt(file, `more than ${MAX_ENTRIES} entries in the zip directory`);
          return false;
        }
        const key = name.replace(/^\/+/u, '').toLowerCase();
        if (entries.has(key)) {
          failure = corrupt(file, `'${name}' is in the zip directory twice`);
          return false;
        }
        entries.set(key, { name, size: originalSize });
        if (!isXmlPart(name)) return false;
        total += originalSize;
        const max = partLimit(name, limits);
        if (originalSize > max) failure = tooLarge(file, name, originalSize, max);
        else if (total > limits.maxUnpackedBytes) failure = tooLarge(file, name, total, limits.maxUnpackedBytes);
        return false;
      },
    });
  } catch {
    return { failure: corrupt(file, 'the zip directory is missing or damaged: the file may be cut short') };
  }
  if (failure) return { failure };
  const crcs = centralDirectoryCrcs(bytes);
  if (crcs) for (const [key, entry] of entries) entries.set(key, { ...entry, ...(crcs.has(key) ? { crc: crcs.get(key) } : {}) });
  return { ok: entries };
}

const STORED = 0;
const DEFLATED = 8;

/** Inflates one member, never past the size the directory declared for it. */
function boundedDecoder(compression: number, declared: number, name: string): UnzipDecoderConstructor {
  return class BoundedDecoder implements UnzipDecoder {
    static compression = compression;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];

    push(chunk: Uint8Array, final: boolean): void {
      // fflate reuses the buffer it passes: keep a copy.
      this.chunks.push(chunk.slice());
      if (!final) return;
      const packed = Buffer.concat(this.chunks);
      this.chunks.length = 0;
      if (compression === STORED) {
        this.ondata(null, packed, true);
        return;
      }
      try {
        // One byte of room past the declared size tells "more than declared" from "exactly that".
        this.ondata(null, inflateRawSync(packed, { maxOutputLength: declared + 1 }), true);
      } catch (error) {
        const isTooLarge = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
        this.ondata(new DecodeError(isTooLarge ? `'${name}' unpacks to more than its declared size` : `'${name}' cannot be unpacked`), new Uint8Array(0), true);
      }
    }
  };
}

class DecodeError extends Error {
  readonly code = 0;
}

/**
 * Unpack the members `names` (lower-cased, from `listing`) of the archive: each exactly its
 * declared size, or the reason it cannot be had. Members missing from the archive are left out.
 */
export function unpackParts(bytes: Uint8Array, file: string, listing: ArchiveListing, names: readonly string[]): GuardStep<Map<string, Uint8Array>> {
  const wanted = new Map(names.flatMap((key) => {
    const entry = listing.get(key);
    return entry ? [[entry.name, { key, entry }] as const] : [];
  }));
  const parts = new Map<string, Uint8Array>();
  let reason: string | undefined;
  const unzip = new Unzip((member) => {
    const target = wanted.get(member.name);
    if (!target || reason !== undefined) return;
    if (parts.has(target.key)) {
      reason = `'${member.name}' is in the archive twice`;
      return;
    }
    if (member.compression !== STORED && member.compression !== DEFLATED) {
      reason = `'${member.name}' uses an unsupported compression method (${member.compression})`;
      return;
    }
    // Registered per member, since the bound is that member's declared size.
    unzip.register(boundedDecoder(member.compression, target.entry.size, member.name));
    member.ondata = (error, data, final) => {
      if (error) reason ??= error.message;
      else if (final) parts.set(target.key, data);
    };
    member.start();
  });
  try {
    unzip.push(bytes, true);
  } catch {
    reason ??= 'a damaged zip entry';
  }
  if (reason !== undefined) return { failure: corrupt(file, reason) };
  for (const { key, entry } of wanted.values()) {
    const part = parts.get(key);
    if (!part) return { failure: corrupt(file, `'${entry.name}' is listed but cannot be found in the archive`) };
    if (part.byteLength !== entry.size) return { failure: corrupt(file, `'${entry.name}' unpacks to ${part.byteLength} bytes, not the declared ${entry.size}`) };
    if (entry.crc !== undefined && crc32(part) !== entry.crc) return { failure: corrupt(file, `'${entry.name}' fails its CRC-32 check: the file was damaged after it was saved`) };
  }
  return { ok: parts };
}

/** The checked parts as a zip again, stored without compression, for the library to read. */
export function repack(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 0 });
}

/** What a zip that is not a workbook is, so the hint about saving as .xlsx makes sense. */
export function archiveKind(listing: ArchiveListing): string {
  const names = [...listing.keys()];
  if (names.includes('mimetype') && names.includes('content.xml')) return 'OpenDocument (.ods)';
  if (names.some((n) => n.endsWith('workbook.bin'))) return 'Excel binary workbook (.xlsb)';
  if (names.some((n) => n.startsWith('word/'))) return 'Word document';
  if (names.some((n) => n.startsWith('ppt/'))) return 'PowerPoint presentation';
  return 'no workbook inside';
}

function corrupt(file: string, reason: string): Diagnostic {
  return fileDiagnostic('xlsx-corrupt', file, { reason });
}

function tooLarge(file: string, part: string, size: number, maxBytes: number): Diagnostic {
  return fileDiagnostic('xlsx-unpacked-too-large', file, { part, size, maxBytes });
}

function fileDiagnostic(code: 'xlsx-corrupt' | 'xlsx-unpacked-too-large', file: string, args: DiagnosticArgs): Diagnostic {
  return makeDiagnostic(code, { path: file, ...args }, { file });
}
