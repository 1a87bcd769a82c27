/** A submission's bytes → what its rows are read from: an XLSX sheet, a CSV table, or a large CSV text cut into pieces. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CsvSplit, CsvTable } from './csv-table.js';
import { parseCsvTable } from './csv-table.js';
import { decodeFailureDiagnostic, decodeText, type EncodingOption } from './decode.js';
import type { LoadedFile } from './file.js';
import { detectCsvHeaderRow, type HeaderChoice } from './header-row.js';
import { oleFileDiagnostic, sniffSubmission } from './xlsx-sniff.js';
import type { XlsxTable } from './xlsx-table.js';

/** A submission's bytes → a table: an .xlsx sheet by its magic number (or name), otherwise decoded CSV text. */
export async function readTable(file: LoadedFile, encoding: EncodingOption, diagnostics: Diagnostic[], sheet?: string): Promise<CsvTable | XlsxTable | undefined> {
  const source = await readSource(file, encoding, diagnostics, sheet, NO_SPLIT);
  return source && 'pieces' in source ? undefined : source;
}

/** How a large CSV file may be cut: as UTF-8 bytes before decoding, or as text after. */
export interface CsvSplitter {
  readonly bytes: (bytes: Uint8Array) => CsvSplit | undefined;
  readonly text: (text: string) => CsvSplit | undefined;
}

const NO_SPLIT: CsvSplitter = { bytes: () => undefined, text: () => undefined };

/**
 * {@link readTable}, or for CSV that `split` cuts into pieces (a large file, to be read on
 * worker threads), the pieces unparsed. `header` says where the header is, or how to find it
 * below title rows; a file whose header is not its first line is read whole.
 */
export async function readSource(
  file: LoadedFile,
  encoding: EncodingOption,
  diagnostics: Diagnostic[],
  sheet: string | undefined,
  split: CsvSplitter,
  header: HeaderChoice = {},
): Promise<CsvTable | XlsxTable | CsvSplit | undefined> {
  const format = sniffSubmission(file.bytes, file.path);
  if (format === 'ole') {
    diagnostics.push(oleFileDiagnostic(file.bytes, file.path));
    return undefined;
  }
  if (format === 'xlsx') {
    // The XLSX reader (fflate, saxen, read-excel-file) is loaded only for a workbook: a CSV run never needs it.
    const { readXlsxTable } = await import('./xlsx-table.js');
    const parsed = await readXlsxTable(file.bytes, file.path, { sheet, ...header });
    diagnostics.push(...parsed.diagnostics);
    return parsed.table;
  }
  // A large UTF-8 file is cut before it is decoded: decoding it whole was a third of a second at township scale.
  const byteSplit = header.headerRow === undefined ? split.bytes(file.bytes) : undefined;
  if (byteSplit) return byteSplit;
  const decoded = decodeText(file.bytes, encoding);
  if ('kind' in decoded) {
    diagnostics.push(decodeFailureDiagnostic(decoded, file.path));
    return undefined;
  }
  let headerRow = header.headerRow;
  if (headerRow === undefined && header.isHeader) {
    const detected = detectCsvHeaderRow(decoded.text, header.isHeader, file.path);
    if (detected) {
      diagnostics.push(...detected.diagnostics);
      headerRow = detected.line;
    }
  }
  const pieces = headerRow === undefined ? split.text(decoded.text) : undefined;
  if (pieces) return pieces;
  const parsed = parseCsvTable(decoded.text, file.path, { headerRow });
  diagnostics.push(...parsed.diagnostics);
  return parsed.table;
}
