/**
 * Invariant: a CSV text cut into pieces by `splitCsvText` and parsed piece by piece (as worker
 * threads do for large files) gives exactly the header, records, lines and diagnostics of
 * parsing it whole — for any number of pieces, line ending, `sep=` line, blank and ragged lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvPiece, parseCsvTable, splitCsvText } from '../../src/load/csv-table.js';

const field = fc.oneof(
  fc.constantFrom('', ' ', '1', '2.5', '85%', 'abc', '地区', '１２', '1,234'.replace(',', '')),
  fc.integer({ min: -5, max: 5000 }).map(String),
);

const csvArb = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    sepLine: fc.boolean(),
    leadingBlank: fc.nat({ max: 2 }),
    width: fc.integer({ min: 1, max: 5 }),
    trailingBreak: fc.boolean(),
  })
  .chain((shape) =>
    fc
      .array(
        fc.oneof(
          { weight: 8, arbitrary: fc.array(field, { minLength: shape.width, maxLength: shape.width }) },
          { weight: 1, arbitrary: fc.constant([] as string[]) }, // a blank line
          { weight: 1, arbitrary: fc.array(field, { minLength: 1, maxLength: shape.width + 2 }) }, // maybe ragged
          { weight: 1, arbitrary: fc.constant(Array.from({ length: shape.width }, () => ' ')) }, // spaces only
        ),
        { minLength: 0, maxLength: 40 },
      )
      .map((rows) => {
        const header = Array.from({ length: shape.width }, (_, i) => `c${i}`);
        const lines = [
          ...(shape.sepLine ? [`sep=${shape.delimiter}`] : []),
          ...Array.from({ length: shape.leadingBlank }, () => ''),
          header.join(shape.delimiter),
          ...rows.map((r) => r.join(shape.delimiter)),
        ];
        return { text: lines.join(shape.lineEnd) + (shape.trailingBreak ? shape.lineEnd : ''), pieces: 0 };
      }),
  )
  .chain((csv) => fc.integer({ min: 2, max: 5 }).map((pieces) => ({ ...csv, pieces })));

describe('splitCsvText + parseCsvPiece', () => {
  it('read a text exactly as parseCsvTable reads it whole', () => {
    fc.assert(
      fc.property(csvArb, ({ text, pieces }) => {
        const whole = parseCsvTable(text, 'f.csv');
        const split = splitCsvText(text, 'f.csv', pieces);
        if (!split) {
          // These texts have no quotes and no bare CR: declining is allowed only when there is no data to cut.
          expect(whole.table?.records ?? []).toEqual([]);
          return;
        }
        expect(whole.table).toBeDefined();
        expect(split.header).toEqual(whole.table?.header);
        expect(split.headerLine).toBe(whole.table?.headerLine);
        expect(split.dialect.delimiter).toBe(whole.table?.delimiter);
        const records = [];
        const diagnostics = [];
        for (const piece of split.pieces) {
          const parsed = parseCsvPiece(piece, 'f.csv', split.dialect, split.header);
          records.push(...parsed.records);
          diagnostics.push(...parsed.diagnostics);
        }
        if (records.length === 0) diagnostics.push(...whole.diagnostics.filter((d) => d.code === 'csv-no-data-rows'));
        expect(records).toEqual(whole.table?.records);
        expect(diagnostics).toEqual(whole.diagnostics);
        expect(split.pieces.map((p) => p.text).join('')).toBe(text.slice(text.length - split.pieces.map((p) => p.text).join('').length));
      }),
      { numRuns: 300 },
    );
  });

  it('declines texts it cannot cut safely: quotes, bare CR line ends, one line', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${i * 2}`);
    expect(splitCsvText(`a,b\n${rows.join('\n')}\n`, 'f.csv', 3)?.pieces).toHaveLength(3);
    expect(splitCsvText(`a,b\n"1\n2",3\n${rows.join('\n')}\n`, 'f.csv', 3)).toBeUndefined();
    expect(splitCsvText(`a,b\r${rows.join('\r')}\r`, 'f.csv', 3)).toBeUndefined();
    expect(splitCsvText('a,b', 'f.csv', 3)).toBeUndefined();
  });

  it('numbers the lines of later pieces as in the whole file', () => {
    const text = `a,b\n${Array.from({ length: 10 }, (_, i) => `${i},x`).join('\n')}\n`;
    const split = splitCsvText(text, 'f.csv', 2);
    const second = split?.pieces[1];
    expect(second).toBeDefined();
    const parsed = second && split ? parseCsvPiece(second, 'f.csv', split.dialect, split.header) : undefined;
    // Line 1 is the header; the first record of the second piece sits at 2 + its index in the data.
    expect(parsed?.records[0]?.line).toBe(2 + Number(parsed?.records[0]?.fields[0]));
  });
});
