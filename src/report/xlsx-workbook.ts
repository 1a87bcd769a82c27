/**
 * What every workbook dgmi writes (the results, the blank template) shares: its properties and
 * its zip entries carry one fixed date, so the same content gives the same bytes — a checksum, a
 * cache or a reviewer's diff sees a change only when the content changed.
 */
import type { Workbook } from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

/** The date workbooks say they were made (DOS zip time cannot go before 1980). */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** `workbook` with dgmi as its author and {@link FIXED_DATE} for every date it records. */
export function stampWorkbook(workbook: Workbook): Workbook {
  workbook.creator = 'dgmi';
  workbook.lastModifiedBy = 'dgmi';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.lastPrinted = FIXED_DATE;
  return workbook;
}

/**
 * The workbook's .xlsx bytes. exceljs stores the entries uncompressed, then fflate compresses
 * them once while stamping each with {@link FIXED_DATE}: compressing twice took a third of the
 * time for a county-level workbook.
 */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  return withFixedZipTimes(new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })));
}

/** Every entry of `zip` again, in the same order, each with {@link FIXED_DATE} (and default attributes). */
export function withFixedZipTimes(zip: Uint8Array): Uint8Array {
  return zipSync(unzipSync(zip), { level: 6, mtime: FIXED_DATE });
}
