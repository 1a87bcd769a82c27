/**
 * Invariant: a CSV text cut into pieces by `splitCsvText` and parsed piece by piece (as worker
 * threads do for large files) gives exactly the header, records, lines and diagnostics of
 * parsing it whole — for any number of pieces, line ending (mixed ones and stray CRs included),
 * `sep=` line, blank, whitespace-only, padded and ragged lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUtf8Text, splitCsvBytes } from '../../src/load/csv-byte-split.js';
import { parseCsvPiece, parseCsvTable, splitCsvText, type CsvSplit } from '../../src/load/csv-table.js';

const field = fc.oneof(
  fc.constantFrom('', ' ', '1', '2.5', '85%', 'abc', '地区', '１２', '1,234'.replace(',', ''), '\u3000', '\r', 'a\rb'),
  fc.integer({ min: -5, max: 5000 }).map(String),
);

const csvArb = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    sepLine: fc.boolean(),
    leadingBlank: fc.array(fc.constantFrom('', ' ', '\u3000', 'delimiter'), { maxLength: 2 }),
    width: fc.integer({ min: 1, max: 5 }),
    // Blank header names at the right edge, under which rows may carry blank padding.
    blankHeaders: fc.nat({ max: 2 }),
    trailingBreak: fc.boolean(),
  })
  .chain((shape) =>
    fc
      .array(
        fc.record({
          fields: fc.oneof(
            { weight: 8, arbitrary: fc.array(field, { minLength: shape.width, maxLength: shape.width }) },
            { weight: 1, arbitrary: fc.constant([] as string[]) }, // a blank line
            { weight: 1, arbitrary: fc.array(field, { minLength: 1, maxLength: shape.width + 2 }) }, // maybe ragged
            { weight: 1, arbitrary: fc.constant(Array.from({ length: shape.width }, () => ' ')) }, // spaces only
            { weight: 1, arbitrary: fc.array(field, { minLength: shape.width, maxLength: shape.width }).map((f) => [...f, '', ' ']) }, // padded
          ),
          // Mostly the file's own line end; sometimes the other one, or a stray CR (mixed exports).
          lineEnd: fc.oneof({ weight: 6, arbitrary: fc.constant(shape.lineEnd) }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r') }),
        }),
        { minLength: 0, maxLength: 40 },
      )
      .map((rows) => {
        const header = [...Array.from({ length: shape.width }, (_, i) => `c${i}`), ...Array.from({ length: shape.blankHeaders }, () => '')];
        const head = [
          ...(shape.sepLine ? [`sep=${shape.delimiter}`] : []),
          ...shape.leadingBlank.map((line) => (line === 'delimiter' ? shape.delimiter : line)),
          header.join(shape.delimiter),
        ];
        const body = rows.map((r, i) => r.fields.join(shape.delimiter) + (i < rows.length - 1 || shape.trailingBreak ? r.lineEnd : '')).join('');
        return { text: head.join(shape.lineEnd) + (rows.length > 0 || shape.trailingBreak ? shape.lineEnd : '') + body, pieces: 0 };
      }),
  )
  .chain((csv) => fc.integer({ min: 2, max: 5 }).map((pieces) => ({ ...csv, pieces })));

/**
 * Texts without quotes that `splitCsvText` may still decline: the first line ends with a bare CR,
 * or the text ends in a line break that is not its record delimiter (the last record's line is
 * then a guess that a cut could change).
 */
function mayDecline(text: string): boolean {
  const first = /\r\n|\n|\r/u.exec(text)?.[0];
  return first === '\r' || (/[\r\n]$/u.test(text) && !text.endsWith(first ?? ''));
}

/** The pieces of `split` read one after another, in the shape parseCsvTable gives; undefined when the splitter declined. */
function readPieces(split: CsvSplit | undefined) {
  if (!split) return undefined;
  const records = [];
  const diagnostics = [];
  for (const piece of split.pieces) {
    const parsed = parseCsvPiece(piece, 'f.csv', split.dialect, split.header);
    records.push(...parsed.records);
    diagnostics.push(...parsed.diagnostics);
  }
  return { header: split.header, headerLine: split.headerLine, records, diagnostics, split };
}

/** `text` cut into `count` pieces and read piece by piece; undefined when declined. */
function readInPieces(text: string, count: number) {
  return readPieces(splitCsvText(text, 'f.csv', count));
}

describe('splitCsvText + parseCsvPiece', () => {
  it('read a text exactly as parseCsvTable reads it whole', () => {
    fc.assert(
      fc.property(csvArb, ({ text, pieces }) => {
        const whole = parseCsvTable(text, 'f.csv');
        const split = splitCsvText(text, 'f.csv', pieces);
        if (!split) {
          // These texts have no quotes: declining is allowed only when there is no data to cut, or for the reasons above.
          if (!mayDecline(text)) expect(whole.table?.records ?? []).toEqual([]);
          return;
        }
        expect(whole.table).toBeDefined();
        expect(split.header).toEqual(whole.table?.header);
        expect(split.headerLine).toBe(whole.table?.headerLine);
        expect(split.dialect.delimiter).toBe(whole.table?.delimiter);
        const read = readInPieces(text, pieces);
        const records = read?.records ?? [];
        const diagnostics = read?.diagnostics ?? [];
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

  it.each([
    ['LF, then CRLF lines', 'a,b\n1,2\r\n3,4\r\n5,6\n7,x,8\n9,10\n'],
    ['CRLF with a stray LF and CR', 'a,b\r\n1,2\n3,4\r\n5\r6,7\r\n8,9,x\r\n10,11\r\n'],
    ['a `sep=` line ending in LF before a CRLF file', 'sep=,\na,b\r\n1,2\r\n3,4,x\r\n5,6\r\n'],
    ['a CRLF blank line before the header of an LF file', '\n\r\na,b\n1,2\n3\n4,5\n'],
  ])('numbers records as reading the whole file does with mixed line ends: %s', (_, text) => {
    const whole = parseCsvTable(text, 'f.csv');
    for (let count = 1; count <= 4; count++) {
      const pieces = readInPieces(text, count);
      expect(pieces).toBeDefined();
      expect(pieces?.records).toEqual(whole.table?.records);
      expect(pieces?.diagnostics).toEqual(whole.diagnostics);
    }
  });

  it('declines a text ending in a stray CR or LF after blank lines, whose last record a cut could renumber', () => {
    // csv-parse has not yet counted the final CR when it hands over the last record.
    for (const text of ['a,b\n1,2\n\n\n3,4\r', 'a,b\r\n1,2\r\n\r\n\r\n3,4\n']) {
      const whole = parseCsvTable(text, 'f.csv');
      for (let count = 1; count <= 4; count++) {
        const pieces = readInPieces(text, count);
        if (pieces) expect(pieces.records).toEqual(whole.table?.records);
      }
    }
  });

  it('declines a count that is not a whole number of pieces, rather than leave out the end of the text', () => {
    const text = `a,b\n${Array.from({ length: 10 }, (_, i) => `${i},x`).join('\n')}\n`;
    for (const count of [2.5, 0, -1, Number.POSITIVE_INFINITY, Number.NaN]) {
      const split = splitCsvText(text, 'f.csv', count);
      if (split) expect(split.pieces.map((p) => p.text).join('')).toBe(text.slice('a,b\n'.length));
    }
    expect(splitCsvText(text, 'f.csv', 2.5)).toBeUndefined();
  });
});

/** `text` as UTF-8 bytes (with a BOM or not), cut by `splitCsvBytes` with a head of `headBytes`, read piece by piece. */
function readBytesInPieces(text: string, count: number, headBytes: number, withBom: boolean) {
  return readPieces(splitCsvBytes(new TextEncoder().encode(`${withBom ? '\uFEFF' : ''}${text}`), 'f.csv', count, headBytes));
}

describe('splitCsvBytes: a UTF-8 file cut as bytes, without decoding it', () => {
  it('reads a file exactly as parseCsvTable reads its text whole, whatever the head decoded and the pieces', () => {
    let cut = 0;
    fc.assert(
      fc.property(csvArb, fc.integer({ min: 1, max: 400 }), fc.boolean(), ({ text, pieces }, headBytes, withBom) => {
        const whole = parseCsvTable(text, 'f.csv');
        const read = readBytesInPieces(text, pieces, headBytes, withBom);
        if (!read) return;
        cut++;
        expect(read.split.header).toEqual(whole.table?.header);
        expect(read.split.headerLine).toBe(whole.table?.headerLine);
        expect(read.split.dialect.delimiter).toBe(whole.table?.delimiter);
        const diagnostics = read.diagnostics;
        if (read.records.length === 0) diagnostics.push(...whole.diagnostics.filter((d) => d.code === 'csv-no-data-rows'));
        expect(read.records).toEqual(whole.table?.records);
        expect(diagnostics).toEqual(whole.diagnostics);
        // The pieces are the file's bytes after the header, in order, none left out.
        const joined = Buffer.concat(read.split.pieces.map((p) => ('bytes' in p ? p.bytes : new Uint8Array())));
        expect(joined.toString('utf8')).toBe(text.slice(text.length - joined.toString('utf8').length));
        expect(text.endsWith(joined.toString('utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: most files are cut (the others have no data within a small head, or are declined as by the text splitter).
    expect(cut).toBeGreaterThan(150);
  });

  it('cuts what splitCsvText cuts: it declines only where the text splitter declines, given the whole head', () => {
    fc.assert(
      fc.property(csvArb, ({ text, pieces }) => {
        const bytes = readBytesInPieces(text, pieces, 1 << 20, false);
        expect(bytes === undefined).toBe(splitCsvText(text, 'f.csv', pieces) === undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts a file with CJK text, CRLF lines and a BOM at line breaks, numbering lines as the whole file does', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${110000 + i},地区${i}，东部,${i % 4 === 0 ? '８５%' : i}`);
    const text = `region,name,value\r\n${rows.join('\r\n')}\r\n`;
    const whole = parseCsvTable(text, 'f.csv');
    const read = readBytesInPieces(text, 3, 40, true);
    expect(read?.split.pieces).toHaveLength(3);
    expect(read?.split.dialect.recordDelimiter).toBe('\r\n');
    expect(read?.records).toEqual(whole.table?.records);
    expect(read?.records.at(-1)?.line).toBe(31);
    expect(read?.records[29]?.fields[1]).toBe('地区29，东部');
  });

  it('declines quotes, and tells UTF-8 text from GB18030 bytes and binary files', () => {
    const quoted = new TextEncoder().encode('a,b\n"1",2\n3,4\n');
    expect(splitCsvBytes(quoted, 'f.csv', 2)).toBeUndefined();
    expect(isUtf8Text(new TextEncoder().encode('\uFEFFa,b\n地区,1\n'))).toBe(true);
    expect(isUtf8Text(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x31, 0x0a]))).toBe(false); // 地区 in GB18030
    expect(isUtf8Text(Uint8Array.from([0x61, 0x00, 0x62, 0x0a]))).toBe(false); // a NUL: binary, as decodeText says
  });
});
