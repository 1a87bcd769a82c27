/**
 * `detectCsvHeaderRow` splits the first non-blank row alone, and the next rows only when that
 * one is not the header (issue 15 follow-up: one csv-parse call per file instead of eleven).
 * The answer is the one `chooseHeader` gives over all the leading rows.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/load/csv-table.js';
import { detectCsvHeaderRow, HEADER_SEARCH_ROWS } from '../../src/load/header-row.js';

/** The framework's test: a row is the header when it names the region column. */
function counting(): { isHeader: (fields: readonly string[]) => boolean; seen: string[][] } {
  const seen: string[][] = [];
  return { seen, isHeader: (fields) => (seen.push([...fields]), fields.includes('region')) };
}

describe('detectCsvHeaderRow', () => {
  it('a first row that is the header is the only row split and asked about', () => {
    const probe = counting();
    expect(detectCsvHeaderRow('\uFEFFregion,a,b\n110000,1,2\n120000,3,4\n', probe.isHeader, 'f.csv')).toBeUndefined();
    expect(probe.seen).toEqual([['region', 'a', 'b']]);
  });

  it('title rows above the header: the header line, and a warning naming it and the rows skipped', () => {
    const probe = counting();
    // Line 1 the title, line 2 blank (not a row), line 3 a note, line 4 the header: rows 0, 1, 2 → index 2.
    const found = detectCsvHeaderRow('2022年报表\r\n\r\n单位：个\r\nregion;a;b\r\n110000;1;2\r\n', probe.isHeader, 'f.csv');
    expect(found?.line).toBe(4);
    expect(found?.diagnostics.map((d) => [d.code, d.args['line'], d.args['skipped'], d.line])).toEqual([['header-row-detected', 4, 2, 4]]);
    // The first row is asked about twice (alone, then with the rows below it), then the next two.
    expect(probe.seen).toEqual([['2022年报表'], ['2022年报表'], ['单位：个'], ['region', 'a', 'b']]);
  });

  it('no header among the first rows: none is chosen, and no more than the search window is asked about', () => {
    const probe = counting();
    const text = Array.from({ length: 30 }, (_, i) => `note ${i + 1}`).join('\n');
    expect(detectCsvHeaderRow(text, probe.isHeader, 'f.csv')).toBeUndefined();
    // The first row alone, then the first row again and the HEADER_SEARCH_ROWS rows after it.
    expect(probe.seen.length).toBe(1 + 1 + HEADER_SEARCH_ROWS);
  });

  it('an empty or blank text has no header to move', () => {
    const probe = counting();
    expect(detectCsvHeaderRow('', probe.isHeader, 'f.csv')).toBeUndefined();
    expect(detectCsvHeaderRow('\n \r\n', probe.isHeader, 'f.csv')).toBeUndefined();
    expect(probe.seen).toEqual([]);
  });

  it('the first row is split into the cells csv-parse finds with its own line-ending search (property)', () => {
    const cell = fc.constantFrom('a', '区', '1', ' ', '"', ',', ';', '\t', '\r', '""');
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')), (line) => {
        const lineText = line.replace(/\r$/u, '');
        fc.pre(lineText.trim() !== '' && !/^sep=.\s*$/iu.test(lineText));
        const probe = counting();
        detectCsvHeaderRow(`${line}\nregion,a\n`, probe.isHeader, 'f.csv');
        let expected: string[];
        try {
          expected = (parse(lineText, { delimiter: detectDelimiter(lineText), relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
        } catch {
          expected = [];
        }
        expect(probe.seen[0]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
