/**
 * `node bench/xlsx-overlay.js [rows] [columns]` (after `npm run build`): what the loader's own
 * XML pass over a sheet (xlsx-xml.ts, saxen) costs beside read-excel-file's reading of it. A
 * county-scale workbook written by exceljs is read twice: without a percent style (nothing to
 * look for: only the merged cells are read, from the end of the sheet) and with one on a column
 * (every cell goes through the parser). Best of three each.
 */
import ExcelJS from 'exceljs';
import { readXlsxTable } from '../dist/load/xlsx-table.js';

const rows = Number(process.argv[2] ?? 2850);
const columns = Number(process.argv[3] ?? 100);

async function workbook(isPercent) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('S');
  sheet.addRow(['region', ...Array.from({ length: columns }, (_, i) => `i${i}`)]);
  for (let r = 0; r < rows; r++) {
    const row = sheet.addRow([String(100000 + r), ...Array.from({ length: columns }, (_, i) => ((r * 31 + i * 7) % 1000) / 1000)]);
    if (isPercent) row.getCell(2).numFmt = '0%';
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function best(bytes) {
  const times = [];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    const { table, diagnostics } = await readXlsxTable(bytes, 'bench.xlsx');
    times.push(performance.now() - start);
    if (!table) throw new Error(JSON.stringify(diagnostics));
  }
  return Math.round(Math.min(...times));
}

const plainMs = await best(await workbook(false));
const percentMs = await best(await workbook(true));
console.log(JSON.stringify({ rows, columns, plainMs, percentMs, ratio: Number((percentMs / plainMs).toFixed(2)) }));
