import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chinese, formatOptions, positive, twoLines, unplaced } from './diagnostics-format-fixture.js';
import { stylish } from '../../src/report/diagnostics/stylish.js';
import type { Palette } from '../../src/report/palette.js';
import { plainPalette } from '../../src/report/palette.js';

const options = (lang: 'en' | 'zh', color: Palette = plainPalette) => formatOptions({ lang, color });

describe('stylish', () => {
  it('prints a clean run in either language', () => {
    expect(stylish([], options('en'))).toBe('No problems found\n');
    expect(stylish([], options('zh'))).toBe('未发现问题\n');
  });

  it('groups per file with aligned columns, hints and continuation lines under the message', () => {
    // framework.yaml: positions ' 3:5' and '12:10' → line width 2, column width 2, position
    // column 2+1+2 = 5 cells; severity column max('error' 5, 'warning' 7) = 7; message column
    // max('weight must be positive' 23, '权重之和为零' 6 chars × 2 cells = 12) = 23, so the
    // Chinese message gets 23 − 12 = 11 spaces of padding. Hint indent = 2 + 5 + 2 + 7 + 2 = 18.
    // my data/a,b.csv: the unplaced info sorts first (no line counts as 0); position column
    // '2:1' = 3 cells; severity max('info' 4, 'error' 5) = 5; message max(21, 'bad cell 85%' 12)
    // = 21, so 9 spaces after the first line; continuation indent = 2 + 3 + 2 + 5 + 2 = 14.
    // The clean file is not listed. 4 problems: 2 errors, 1 warning, 1 info.
    const expected = [
      'framework.yaml',
      '   3:5   error    weight must be positive  test-code',
      `${' '.repeat(18)}hint: use a number above 0`,
      `  12:10  warning  权重之和为零${' '.repeat(11)}  test-zh`,
      '',
      'my data/a,b.csv',
      `  ${' '.repeat(3)}  info   column region missing  test-info`,
      `  2:1  error  bad cell 85%${' '.repeat(9)}  test-code`,
      `${' '.repeat(14)}second line`,
      '',
      '✖ 4 problems (2 errors, 1 warning, 1 info)',
      '',
    ].join('\n');
    // Input order must not matter: rows are sorted by file and position.
    expect(stylish([twoLines, chinese, unplaced, positive], options('en'))).toBe(expected);
  });

  it('summarises in the words of the brief, without infos when there are none', () => {
    const out = stylish([positive, chinese, twoLines], options('en'));
    expect(out.endsWith('\n✖ 3 problems (2 errors, 1 warning)\n')).toBe(true);
    const one = stylish([chinese], options('en'));
    expect(one.endsWith('\n✖ 1 problem (0 errors, 1 warning)\n')).toBe(true);
  });

  it('speaks Chinese under lang zh, aligned by terminal cells', () => {
    // Severity words 错误/警告 are 2 characters = 4 cells each, so the severity column is 4
    // cells; '提示：' (full-width colon) is 6 cells. framework.yaml: hint indent =
    // 2 + 5 + 2 + 4 + 2 = 15. my data/a,b.csv: position 3, continuation indent 2+3+2+4+2 = 13.
    // Message widths as in the English test (unknown codes fall back to d.message).
    const expected = [
      'framework.yaml',
      '   3:5   错误  weight must be positive  test-code',
      `${' '.repeat(15)}提示：use a number above 0`,
      `  12:10  警告  权重之和为零${' '.repeat(11)}  test-zh`,
      '',
      'my data/a,b.csv',
      `  2:1  错误  bad cell 85%  test-code`,
      `${' '.repeat(13)}second line`,
      '',
      '✖ 3 个问题（2 个错误，1 个警告）',
      '',
    ].join('\n');
    expect(stylish([positive, chinese, twoLines], options('zh'))).toBe(expected);
  });

  it('colours only through the palette, and never the padding', () => {
    const tag =
      (name: string) =>
      (s: string): string =>
        `<${name}>${s}</${name}>`;
    const tagging: Palette = {
      ...plainPalette,
      error: tag('e'),
      warning: tag('w'),
      info: tag('i'),
      dim: tag('d'),
      bold: tag('b'),
    };
    // One row: position '3:5' (3 cells), severity 'error' (5), message 23 — nothing to pad.
    expect(stylish([positive], options('en', tagging))).toBe(
      [
        '<b>framework.yaml</b>',
        '  <d>3:5</d>  <e>error</e>  weight must be positive  <d>test-code</d>',
        `${' '.repeat(14)}<d>hint: use a number above 0</d>`,
        '',
        '<b><e>✖ 1 problem (1 error, 0 warnings)</e></b>',
        '',
      ].join('\n'),
    );
  });

  it('puts every code of a file at the same terminal column, whatever the messages (property)', () => {
    const message = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '权', '重', '％', '1'), maxLength: 20 });
    const diagnostic = fc.record({
      message,
      line: fc.option(fc.integer({ min: 1, max: 20000 }), { nil: undefined }),
      column: fc.integer({ min: 1, max: 300 }),
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    });
    fc.assert(
      fc.property(fc.array(diagnostic, { minLength: 1, maxLength: 8 }), (specs) => {
        const diagnostics: Diagnostic[] = specs.map((s, i) => ({
          code: `code-${i}`,
          severity: s.severity,
          message: s.message,
          args: {},
          file: 'f.csv',
          ...(s.line === undefined ? {} : { line: s.line, column: s.column }),
        }));
        const rows = stylish(diagnostics, options('zh')).split('\n').filter((l) => /code-\d+$/.test(l));
        expect(rows).toHaveLength(diagnostics.length);
        const codeColumns = rows.map((row) => stringWidth(row.replace(/code-\d+$/, '')));
        expect(new Set(codeColumns).size).toBe(1);
      }),
    );
  });
});
