/**
 * Workbooks written by another library (exceljs: shared strings, styles, formulas with saved
 * results, its own zip) read back through the loader with every value as written.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubmissions } from '../../src/load/submissions.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();
const LEVELS = ['未建立', '试点', '全面推行'] as const;

interface Row {
  readonly name: string;
  /** Percent, in whole points, written as the fraction in a `0%` style. */
  readonly online: number | null;
  readonly cdo: number | null;
  readonly portal: boolean | null;
  readonly services: number | null;
  /** `services` written as a formula with that saved result. */
  readonly isFormula: boolean;
}

// No '_' (OOXML reads `_x0041_` as an escape) and no control characters (XML cannot hold them).
const nameArb = fc
  .array(fc.constantFrom('北', '京', '市', '<', '>', '&', '"', "'", 'a', 'Z', ' ', '0', '9', '🙂'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .filter((name) => name.trim() !== '');
const rowArb: fc.Arbitrary<Row> = fc.record({
  name: nameArb,
  online: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  cdo: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  portal: fc.option(fc.boolean(), { nil: null }),
  services: fc.option(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })), { nil: null }),
  isFormula: fc.boolean(),
});

async function workbookOf(rows: readonly Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('填报');
  sheet.addRow(['region', 'name', 'online_rate', 'cdo', 'has_portal', 'services']);
  rows.forEach((row, r) => {
    const added = sheet.addRow([String(110000 + r), row.name, row.online === null ? null : row.online / 100, row.cdo === null ? null : LEVELS[row.cdo], row.portal, null]);
    added.getCell(3).numFmt = '0%';
    if (row.services !== null) added.getCell(6).value = row.isFormula ? { formula: 'B1*1', result: row.services } : row.services;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('xlsx written by exceljs', () => {
  it('reads back every region, name and value as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 15 }), async (rows) => {
        const bytes = await workbookOf(rows);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const { dataset, diagnostics } = await parseSubmissions(framework, [{ path: 'exceljs.xlsx', bytes, sha256 }]);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(dataset?.region).toEqual(rows.map((_, r) => String(110000 + r)));
        expect(dataset?.name).toEqual(rows.map((row) => row.name.trim()));
        const column = (id: string) => Array.from(dataset?.values[framework.indicators.findIndex((i) => i.id === id)] ?? []);
        const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
        expect(column('online_rate')).toEqual(rows.map((row) => orNaN(row.online)));
        expect(column('cdo')).toEqual(rows.map((row) => orNaN(row.cdo)));
        expect(column('has_portal')).toEqual(rows.map((row) => (row.portal === null ? Number.NaN : Number(row.portal))));
        // -0 is written as 0.
        expect(column('services')).toEqual(rows.map((row) => (row.services === null ? Number.NaN : row.services === 0 ? 0 : row.services)));
      }),
      { numRuns: 25 },
    );
  });
});
