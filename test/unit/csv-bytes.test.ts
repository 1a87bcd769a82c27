/**
 * The CSV byte writer writes exactly what the string cells say, as UTF-8: digits of integers
 * built by hand, other numbers through String, text defused and quoted by the same rules.
 */
import { describe, expect, it } from 'vitest';
import { CsvByteWriter } from '../../src/report/csv-bytes.js';

/** Everything a writer of `chunkBytes` produces for `write`, as one string, with its chunks. */
function written(write: (out: CsvByteWriter) => void, chunkBytes?: number): { text: string; chunks: Buffer[] } {
  const out = new CsvByteWriter(chunkBytes);
  write(out);
  const chunks = out.takeChunks(true);
  return { text: Buffer.concat(chunks).toString('utf8'), chunks };
}
const numberText = (x: number | undefined) => written((out) => out.number(x)).text;
const textCell = (s: string) => written((out) => out.text(s)).text;

describe('CsvByteWriter.number', () => {
  it('writes integers digit by digit, with the sign String gives', () => {
    expect(numberText(0)).toBe('0');
    expect(numberText(-0)).toBe('0'); // String(-0) is "0"
    expect(numberText(7)).toBe('7');
    expect(numberText(10)).toBe('10');
    expect(numberText(12345)).toBe('12345');
    expect(numberText(-42)).toBe('-42');
    expect(numberText(2 ** 53 - 1)).toBe('9007199254740991');
    expect(numberText(-(2 ** 53 - 1))).toBe('-9007199254740991');
  });

  it('writes other numbers as their shortest round-trip text', () => {
    expect(numberText(0.1)).toBe('0.1');
    expect(numberText(-1.5)).toBe('-1.5');
    expect(numberText(200 / 3)).toBe('66.66666666666667');
    expect(numberText(1e-7)).toBe('1e-7');
    expect(numberText(2 ** 53)).toBe('9007199254740992'); // not a safe integer: through String
    expect(numberText(1e21)).toBe('1e+21');
  });

  it('writes nothing for no value, NaN or an infinity', () => {
    expect(numberText(undefined)).toBe('');
    expect(numberText(Number.NaN)).toBe('');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('');
    expect(numberText(Number.NEGATIVE_INFINITY)).toBe('');
  });
});

describe('CsvByteWriter.text', () => {
  it('copies plain text and UTF-8 as it is', () => {
    expect(textCell('')).toBe('');
    expect(textCell('310000')).toBe('310000');
    expect(textCell('浙江省')).toBe('浙江省');
    expect(textCell('地区 7751')).toBe('地区 7751');
    expect(textCell('😀 ok')).toBe('😀 ok');
  });

  it('quotes a comma, quote, CR or LF (doubling inner quotes), also after non-ASCII text', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
    expect(textCell('cr\rhere')).toBe('"cr\rhere"');
    expect(textCell('浙江,杭州')).toBe('"浙江,杭州"');
    expect(textCell('浙"江')).toBe('"浙""江"');
  });

  it("defuses a leading = + - @ tab or CR with ' (and quotes when needed)", () => {
    expect(textCell('=1+2')).toBe("'=1+2");
    expect(textCell('+86')).toBe("'+86");
    expect(textCell('-x')).toBe("'-x");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('\tx')).toBe("'\tx");
    expect(textCell('\rx')).toBe(`"'\rx"`);
    expect(textCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(textCell('a=b')).toBe('a=b'); // only a leading trigger
  });

  it('writes a lone surrogate as U+FFFD, as Buffer.from does', () => {
    expect(written((out) => out.text('a\uD800b')).chunks[0]).toEqual(Buffer.from('a\uD800b'));
  });
});

describe('CsvByteWriter chunks', () => {
  it('separates cells and rows with a comma and CRLF, and starts with the bytes given', () => {
    const { text } = written((out) => {
      out.bytes(new Uint8Array([0xef, 0xbb, 0xbf]));
      out.text('a');
      out.comma();
      out.number(1);
      out.endRow();
    });
    expect(text).toBe('\uFEFFa,1\r\n');
  });

  it('hands out full chunks as it goes, never one it writes again, and the rest at the end', () => {
    // 10 rows of "row,12\r\n" (8 bytes) into 16-byte chunks: two rows fill a chunk.
    const out = new CsvByteWriter(16);
    const seen: Buffer[] = [];
    for (let i = 0; i < 10; i++) {
      out.text('row');
      out.comma();
      out.number(12);
      out.endRow();
      seen.push(...out.takeChunks());
    }
    const copies = seen.map((chunk) => Buffer.from(chunk));
    seen.push(...out.takeChunks(true));
    expect(Buffer.concat(seen).toString()).toBe('row,12\r\n'.repeat(10));
    expect(seen.every((chunk) => chunk.length <= 16)).toBe(true);
    // Chunks handed out earlier still hold what they held then.
    copies.forEach((copy, i) => expect(seen[i]).toEqual(copy));
    expect(out.pendingBytes).toBe(0);
  });

  it('takes a cell longer than a chunk whole', () => {
    const long = '长'.repeat(100);
    const { text, chunks } = written((out) => {
      out.text('x');
      out.comma();
      out.text(long);
    }, 8);
    expect(text).toBe(`x,${long}`);
    expect(chunks.some((chunk) => chunk.length === 300)).toBe(true); // 100 × 3 bytes
  });
});
