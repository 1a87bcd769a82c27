/**
 * Bytes → text. Submissions come from Excel on Chinese Windows as often as from anywhere else:
 * UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK without any marker. We detect in
 * that order — a BOM is certain; valid UTF-8 is almost never accidental for CJK text; anything
 * else is taken as GB18030 (a superset of GBK and GB2312) — and let `--encoding` override.
 */
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';

import type { EncodingOption } from './encodings.js';

export { ENCODINGS, type EncodingOption } from './encodings.js';
export type DetectedEncoding = Exclude<EncodingOption, 'auto'>;

export interface DecodedText {
  readonly text: string;
  readonly encoding: DetectedEncoding;
  readonly hadBom: boolean;
}

export type DecodeFailure = { readonly kind: 'binary' } | { readonly kind: 'invalid'; readonly encoding: DetectedEncoding };

/**
 * iconv-lite, loaded on first use: most files are UTF-8, which needs only TextDecoder, and
 * loading iconv's tables costs start-up time. It is CommonJS, so `require` loads it synchronously.
 */
let iconvLite: typeof import('iconv-lite') | undefined;
function iconv(): typeof import('iconv-lite') {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconvLite;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A NUL byte outside UTF-16 means the file is not text (an image, a zip, an .xls). */
function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeText(bytes: Uint8Array, encoding: EncodingOption = 'auto'): DecodedText | DecodeFailure {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'auto') {
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return decodeAs(buffer.subarray(3), 'utf8', true);
    if (startsWith(bytes, 0xff, 0xfe)) return decodeWithIconv(buffer.subarray(2), 'utf16le', true);
    if (startsWith(bytes, 0xfe, 0xff)) return decodeWithIconv(buffer.subarray(2), 'utf16be', true);
    if (looksBinary(bytes)) return { kind: 'binary' };
    const utf8 = decodeAs(buffer, 'utf8', false);
    if ('text' in utf8) return utf8;
    return decodeWithIconv(buffer, 'gb18030', false);
  }
  if ((encoding === 'utf8' || encoding === 'gb18030' || encoding === 'gbk') && looksBinary(bytes)) return { kind: 'binary' };
  if (encoding === 'utf8') {
    const hasBom = startsWith(bytes, 0xef, 0xbb, 0xbf);
    return decodeAs(hasBom ? buffer.subarray(3) : buffer, 'utf8', hasBom);
  }
  const bomLength = encoding.startsWith('utf16') && (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) ? 2 : 0;
  return decodeWithIconv(buffer.subarray(bomLength), encoding, bomLength > 0);
}

/** What to tell the user about `path` when its bytes are not text in any encoding tried. */
export function decodeFailureDiagnostic(failure: DecodeFailure, path: string): Diagnostic {
  return failure.kind === 'binary'
    ? makeDiagnostic('file-binary', { path }, { file: path })
    : makeDiagnostic('file-encoding-invalid', { path, encoding: failure.encoding }, { file: path });
}

/**
 * iconv never fails: it puts U+FFFD where bytes do not decode. A replaced character would be a
 * corrupted name or number (or id, in a framework), so any replacement means the file is not in
 * this encoding.
 */
function decodeWithIconv(buffer: Buffer, encoding: Exclude<DetectedEncoding, 'utf8'>, hadBom: boolean): DecodedText | DecodeFailure {
  const text = iconv().decode(buffer, encoding);
  return text.includes('\uFFFD') ? { kind: 'invalid', encoding } : { text, encoding, hadBom };
}

function decodeAs(buffer: Buffer, encoding: 'utf8', hadBom: boolean): DecodedText | DecodeFailure {
  try {
    return { text: utf8Strict.decode(buffer), encoding, hadBom };
  } catch {
    return { kind: 'invalid', encoding };
  }
}
