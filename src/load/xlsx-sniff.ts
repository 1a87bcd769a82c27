/**
 * What a submission's bytes are: a zip (an .xlsx workbook), an OLE compound file (an encrypted
 * workbook or a legacy .xls, which dgmi cannot read and says why), or text (CSV).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';

/** What a submission's bytes are, by magic number first and extension second. */
export type SubmissionFormat = 'xlsx' | 'ole' | 'text';

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XLSX_EXTENSION = /\.(?:xlsx|xlsm|xltx|xltm)$/iu;

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * `xlsx` for a zip (or a file named .xlsx that is not one: the reader then says it is damaged),
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
