import { crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import { centralDirectoryCrcs } from '../../src/load/zip-crc.js';
import { workbookEntries } from '../fixtures/xlsx/workbook.js';

/** A one-sheet workbook zipped without compression, so its XML can be edited in the bytes. */
function storedWorkbook(): Uint8Array {
  const entries = workbookEntries({ sheets: [{ name: 'Sheet1', rows: [['region', 'services'], ['110000', 3]] }] });
  return zipSync(Object.fromEntries(entries.map((e) => [e.name, typeof e.data === 'string' ? strToU8(e.data) : e.data])), { level: 0 });
}

function replaceOnce(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  const out = Uint8Array.from(bytes);
  out.set(Buffer.from(to, 'latin1'), at);
  return out;
}

describe('xlsx CRC-32 checks', () => {
  it('reads the CRC-32 of every member from the central directory', () => {
    const bytes = storedWorkbook();
    const crcs = centralDirectoryCrcs(bytes);
    const sheet = workbookEntries({ sheets: [{ name: 'Sheet1', rows: [['region', 'services'], ['110000', 3]] }] }).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(crcs?.get('xl/worksheets/sheet1.xml')).toBe(crc32(String(sheet?.data)));
    expect(crcs?.size).toBe(6);
  });

  it('reads the intact workbook', async () => {
    const { table, diagnostics } = await readXlsxTable(storedWorkbook(), 'ok.xlsx');
    expect(diagnostics).toEqual([]);
    expect(table?.records.map((r) => r.fields)).toEqual([['110000', '3']]);
  });

  it('refuses a part whose bytes changed after it was saved (same size, so it would otherwise read 4 for 3)', async () => {
    const damaged = replaceOnce(storedWorkbook(), '<v>3</v>', '<v>4</v>');
    const { table, diagnostics } = await readXlsxTable(damaged, 'damaged.xlsx');
    expect(table).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'xlsx-corrupt',
        args: { path: 'damaged.xlsx', reason: "'xl/worksheets/sheet1.xml' fails its CRC-32 check: the file was damaged after it was saved" },
      }),
    ]);
  });

  it('gives up on the CRCs, not the file, when the directory cannot be followed for them', () => {
    expect(centralDirectoryCrcs(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
