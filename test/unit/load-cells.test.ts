import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSpecOf, parseCell, type CellSpec } from '../../src/load/cells.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();
function specOf(id: string): CellSpec {
  const indicator = framework.indicators.find((i) => i.id === id);
  if (!indicator) throw new Error(`no indicator ${id}`);
  return cellSpecOf(indicator);
}
const NUMBER = specOf('services'); // no unit, no range
const PERCENT = specOf('online_rate'); // unit percent, range [0, 100]
const BOOLEAN = specOf('has_portal'); // unit boolean
const LEVELS = specOf('cdo'); // levels 未建立 0, 试点 1, 全面推行 2; range [0, 2]

/** The value, or the problem's code, so one table can hold both. */
function outcome(text: string, spec: CellSpec): number | string {
  const result = parseCell(text, spec);
  return typeof result === 'number' ? result : result.code;
}

describe('cellSpecOf', () => {
  it('derives the kind from levels first, then the unit', () => {
    expect([NUMBER.kind, PERCENT.kind, BOOLEAN.kind, LEVELS.kind]).toEqual(['number', 'percent', 'boolean', 'levels']);
    expect([PERCENT.min, PERCENT.max]).toEqual([0, 100]);
    expect([NUMBER.min, NUMBER.max]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it.each(['percent', '%', 'pct', 'Percent', ' PCT '])('treats unit %j as percent', (unit) => {
    const f = loadTestFramework({ dimensions: [{ id: 'd', name: { en: 'D' }, indicators: [{ id: 'x', name: { en: 'X' }, unit }] }] });
    expect(cellSpecOf(f.indicators[0]!).kind).toBe('percent');
  });
});

describe('parseCell: numbers', () => {
  it.each<[string, number]>([
    ['12', 12],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['1e3', 1000],
    ['1.2E+07', 12_000_000],
    [' 42 ', 42],
    ['\t42', 42],
    ['\u3000７\u3000', 7], // ideographic spaces and a full-width 7
    ['１２３', 123], // full-width digits
    ['１２．５', 12.5], // full-width full stop
    ['1,234', 1234],
    ['12,345.6', 12345.6],
    ['1,234,567', 1_234_567],
    ['-1,234', -1234],
    ['１，２３４', 1234], // full-width comma as thousands separator
    ['\u22125', -5], // U+2212 MINUS SIGN
    ['－5', -5], // U+FF0D FULLWIDTH HYPHEN-MINUS
  ])('%j → %d', (text, expected) => {
    expect(outcome(text, NUMBER)).toBe(expected);
  });

  it.each(['', '   ', 'NA', 'na', 'N/A', 'n/a', '-', '--', '—', '——', '–', '/', '／', '无数据', ' NA '])('%j is missing (NaN), not an error', (text) => {
    expect(outcome(text, NUMBER)).toBeNaN();
  });

  it.each<[string, string]>([
    ['abc', 'cell-not-a-number'],
    ['12abc', 'cell-not-a-number'],
    ['1 234', 'cell-not-a-number'],
    ['0x1A', 'cell-not-a-number'],
    ['0b11', 'cell-not-a-number'], // Number('0b11') would be 3
    ['0o17', 'cell-not-a-number'],
    ['=1+1', 'cell-not-a-number'],
    ['(12)', 'cell-not-a-number'],
    ['1,23', 'cell-thousands-grouping'],
    ['12,5', 'cell-thousands-grouping'], // a decimal comma
    ['1,2345', 'cell-thousands-grouping'],
    ['1234,567', 'cell-thousands-grouping'],
    ['Inf', 'cell-not-finite'],
    ['-Infinity', 'cell-not-finite'],
    ['NaN', 'cell-not-finite'],
    ['1e999', 'cell-not-finite'], // overflows to Infinity
    ['2022-01-05', 'cell-date'],
    ['2022/1/5', 'cell-date'],
    ['2022年3月', 'cell-date'],
    ['5-Jan', 'cell-date'],
    ['12:30', 'cell-date'],
    ['#DIV/0!', 'cell-spreadsheet-error'],
    ['#N/A', 'cell-spreadsheet-error'],
    ['#VALUE!', 'cell-spreadsheet-error'],
    ['85%', 'cell-percent-not-allowed'], // unit is not percent
    ['是', 'cell-not-a-number'], // not a boolean indicator
  ])('%j → %s', (text, code) => {
    expect(outcome(text, NUMBER)).toBe(code);
  });
});

describe('parseCell: percent units', () => {
  it.each<[string, number | string]>([
    ['85%', 85], // percentage points, not 0.85
    ['85 %', 85],
    ['８５％', 85], // full-width digits and per cent sign
    ['85', 85],
    ['0.85', 0.85],
    ['100%', 100],
    ['101', 'value-out-of-range'], // range [0, 100]
    ['-1%', 'value-out-of-range'],
    ['abc%', 'cell-not-a-number'],
    ['%85', 'cell-not-a-number'],
  ])('%j → %j', (text, expected) => {
    expect(outcome(text, PERCENT)).toBe(expected);
  });

  it('puts the value and the range in the out-of-range args', () => {
    expect(parseCell('101', PERCENT)).toEqual({ code: 'value-out-of-range', args: { value: 101, min: 0, max: 100 } });
  });
});

describe('parseCell: boolean units', () => {
  it.each<[string, number | string]>([
    ['是', 1],
    ['否', 0],
    ['yes', 1],
    ['No', 0],
    ['TRUE', 1],
    ['false', 0],
    ['y', 1],
    ['N', 0],
    ['1', 1],
    ['0', 0],
    ['1.0', 1],
    ['2', 'cell-not-boolean'],
    ['maybe', 'cell-not-boolean'],
    ['有', 'cell-not-boolean'],
    ['100%', 'cell-percent-not-allowed'],
  ])('%j → %j', (text, expected) => {
    expect(outcome(text, BOOLEAN)).toBe(expected);
  });

  it('still reads missing markers as missing', () => {
    expect(outcome('NA', BOOLEAN)).toBeNaN();
    expect(outcome('', BOOLEAN)).toBeNaN();
  });
});

describe('parseCell: levels', () => {
  it.each<[string, number | string]>([
    ['全面推行', 2],
    [' 试点 ', 1], // trimmed
    ['未建立', 0],
    ['2', 2], // a number equal to a level value
    ['1.0', 1],
    ['3', 'cell-not-a-level'], // not a level value (and out of range too: the level check comes first)
    ['0.5', 'cell-not-a-level'],
    ['试点x', 'cell-not-a-level'],
    ['全面', 'cell-not-a-level'],
  ])('%j → %j', (text, expected) => {
    expect(outcome(text, LEVELS)).toBe(expected);
  });

  it('suggests the nearest level and lists them all', () => {
    // '试点x' → '试点' is one deletion away; the other names are 3 and 4 edits away.
    expect(parseCell('试点x', LEVELS)).toEqual({ code: 'cell-not-a-level', args: { levels: '未建立, 试点, 全面推行', suggestion: '试点' } });
  });

  it('prefers a level name over a number when a level is named like one', () => {
    const f = loadTestFramework({
      dimensions: [{ id: 'd', name: { en: 'D' }, indicators: [{ id: 'x', name: { en: 'X' }, levels: { '1': 10, '2': 20 } }] }],
    });
    const spec = cellSpecOf(f.indicators[0]!);
    expect(outcome('1', spec)).toBe(10);
    expect(outcome('20', spec)).toBe(20);
    expect(outcome('NA', spec)).toBeNaN();
  });
});

describe('parseCell: properties', () => {
  it('reads back any finite number written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseCell(String(x), NUMBER)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('reads short decimals exactly as Number does (the fast path is bit-exact)', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,9}$/), fc.boolean(), fc.stringMatching(/^\d{0,8}$/))
      .filter(([, whole, , fraction]) => whole.length + fraction.length > 0)
      .map(([sign, whole, hasPoint, fraction]) => `${sign}${whole}${hasPoint ? '.' : ''}${hasPoint ? fraction : ''}`)
      .filter((text) => /\d/.test(text));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(parseCell(text, NUMBER)).toBe(Number(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any integer written with en-US thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseCell(n.toLocaleString('en-US'), NUMBER)).toBe(n);
      }),
    );
  });

  it('never throws, and returns a finite number, NaN (missing) or a known problem', () => {
    const codes = new Set([
      'cell-not-a-number',
      'cell-not-finite',
      'cell-date',
      'cell-spreadsheet-error',
      'cell-thousands-grouping',
      'cell-percent-not-allowed',
      'cell-not-boolean',
      'cell-not-a-level',
      'value-out-of-range',
    ]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.constantFrom(NUMBER, PERCENT, BOOLEAN, LEVELS), (text, spec) => {
        const result = parseCell(text, spec);
        if (typeof result === 'number') expect(Number.isNaN(result) || Number.isFinite(result)).toBe(true);
        else expect(codes.has(result.code)).toBe(true);
      }),
    );
  });

  it('reads only blanks and missing markers as missing', () => {
    // Letters other than the markers' never become NaN: a typo is an error, not a missing value.
    fc.assert(
      fc.property(fc.stringMatching(/^[a-mo-z]{1,6}$/), (word) => {
        expect(parseCell(word, NUMBER)).toMatchObject({ code: expect.stringMatching(/^cell-/) });
      }),
    );
  });
});

