import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chinese, formatOptions, positive, twoLines as twoLinesLf, unplaced } from './diagnostics-format-fixture.js';
import { github } from '../../src/report/diagnostics/github.js';

// A Windows line break, which GitHub needs encoded as %0D%0A.
const twoLines: Diagnostic = { ...twoLinesLf, message: 'bad cell 85%\r\nsecond line' };

const options = formatOptions();

/** Decode a workflow-command value left to right (the inverse of GitHub's escaping rules). */
function unescape(s: string): string {
  const decoded: Readonly<Record<string, string>> = { '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' };
  return s.replace(/%(25|0D|0A|3A|2C)/g, (_escape, hex: string) => decoded[hex] ?? '');
}

describe('github', () => {
  it('writes one escaped workflow command per diagnostic, sorted by file and position', () => {
    // The hint follows the message on a new line (%0A); % → %25 and CR LF → %0D%0A in the
    // message; the comma in the file name → %2C; info becomes `notice`; no line means no
    // line, col, endLine or endColumn property.
    const expected = [
      '::error file=framework.yaml,line=3,col=5,endLine=3,endColumn=9,title=test-code::weight must be positive%0Ause a number above 0',
      '::warning file=framework.yaml,line=12,col=10,title=test-zh::权重之和为零',
      '::notice file=my data/a%2Cb.csv,title=test-info::column region missing',
      '::error file=my data/a%2Cb.csv,line=2,col=1,title=test-code::bad cell 85%25%0D%0Asecond line',
      '',
    ].join('\n');
    expect(github([unplaced, twoLines, chinese, positive], options)).toBe(expected);
  });

  it('escapes colons in properties but not in the message, and prints nothing when clean', () => {
    const windows: Diagnostic = {
      code: 'test-code',
      severity: 'warning',
      message: 'see: a,b',
      args: {},
      file: 'C:\\data\\x.csv',
      line: 1,
    };
    expect(github([windows], options)).toBe('::warning file=C%3A\\data\\x.csv,line=1,title=test-code::see: a,b\n');
    expect(github([], options)).toBe('');
  });

  it('drops positions GitHub cannot use: an end before the start, zero or fractional numbers', () => {
    const odd: Diagnostic = {
      code: 'test-code',
      severity: 'error',
      message: 'm',
      args: {},
      file: 'f.yaml',
      line: 5,
      column: 0,
      endLine: 4,
      endColumn: 2.5,
    };
    expect(github([odd], options)).toBe('::error file=f.yaml,line=5,title=test-code::m\n');
  });

  it('keeps one line per diagnostic and round-trips any message and file name (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '%', '\r', '\n', ':', ',', ' ', '中', '2', 'A'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.record({ message: text, file: text }), { minLength: 1, maxLength: 5 }), (specs) => {
        const diagnostics: Diagnostic[] = specs.map((s) => ({
          code: 'test-code',
          severity: 'error',
          message: s.message,
          args: {},
          file: s.file,
        }));
        const lines = github(diagnostics, options).split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(diagnostics.length);
        const decoded = lines.map((line) => {
          const match = /^::error file=([^,]*),title=test-code::(.*)$/.exec(line);
          expect(match).not.toBeNull();
          return { file: unescape(match?.[1] ?? ''), message: unescape(match?.[2] ?? '') };
        });
        const sent = diagnostics.map((d) => ({ file: d.file, message: d.message }));
        expect([...decoded].sort(byFileThenMessage)).toEqual([...sent].sort(byFileThenMessage));
      }),
    );
  });
});

function byFileThenMessage(a: { file: string; message: string }, b: { file: string; message: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
