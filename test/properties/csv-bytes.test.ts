/**
 * Byte for byte, the CSV writer is the string cells encoded as UTF-8 — whatever the text (ASCII,
 * CJK, quotes, line breaks, formula triggers, lone surrogates), the number (any double, -0, NaN,
 * ±Infinity, safe integers) or the chunk size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvByteWriter, csvNumberCell, csvTextCell } from '../../src/report/csv-bytes.js';

/** Characters that exercise every branch: ASCII, the CSV specials, the triggers, CJK, a surrogate half, an astral one. */
const cellChar = fc.constantFrom('a', '7', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '浙', 'é', '\uD83D', '\uDE00', '😀');
const cellText = fc.oneof(fc.string(), fc.string({ unit: cellChar, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const cellNumber = fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat().map((x) => -x), fc.constant(undefined));
type Cell = { readonly text: string } | { readonly number: number | undefined };
const cell: fc.Arbitrary<Cell> = fc.oneof(cellText.map((text) => ({ text })), cellNumber.map((number) => ({ number })));

describe('CsvByteWriter', () => {
  it('writes UTF-8 of the string cells, rows joined by commas and CRLF, in any chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), (rows, chunkBytes) => {
        const out = new CsvByteWriter(chunkBytes);
        const chunks: Uint8Array[] = [];
        for (const row of rows) {
          row.forEach((c, i) => {
            if (i > 0) out.comma();
            if ('text' in c) out.text(c.text);
            else out.number(c.number);
          });
          out.endRow();
          chunks.push(...out.takeChunks());
        }
        chunks.push(...out.takeChunks(true));
        const expected = rows.map((row) => row.map((c) => ('text' in c ? csvTextCell(c.text) : csvNumberCell(c.number))).join(',') + '\r\n').join('');
        expect(Buffer.concat(chunks)).toEqual(Buffer.from(expected, 'utf8'));
      }),
      { numRuns: 500 },
    );
  });
});
