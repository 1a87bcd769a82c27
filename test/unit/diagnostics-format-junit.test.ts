import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chinese, formatOptions, positive, twoLines, unplaced } from './diagnostics-format-fixture.js';
import { junit } from '../../src/report/diagnostics/junit.js';

const options = formatOptions();

describe('junit', () => {
  it('writes one suite per file: failures for errors, system-out below fail-on, a pass when clean', () => {
    // framework.yaml: 2 cases, 1 failure (the error; the warning is below the default
    // fail-on 'error'). my data/a,b.csv: the unplaced info sorts first; 2 cases, 1 failure.
    // clean.csv: 1 passing case. Totals: 2 + 2 + 1 = 5 tests, 1 + 1 = 2 failures. The newline
    // in a message attribute is written &#10; (a parser would read a raw one as a space).
    const expected = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="dgmi" tests="5" failures="2" errors="0">',
      '  <testsuite name="framework.yaml" tests="2" failures="1" errors="0">',
      '    <testcase classname="framework.yaml" name="3:5 test-code">',
      '      <failure message="weight must be positive" type="test-code">framework.yaml:3:5',
      'error: weight must be positive',
      'use a number above 0</failure>',
      '    </testcase>',
      '    <testcase classname="framework.yaml" name="12:10 test-zh">',
      '      <system-out>framework.yaml:12:10',
      'warning: 权重之和为零</system-out>',
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="my data/a,b.csv" tests="2" failures="1" errors="0">',
      '    <testcase classname="my data/a,b.csv" name="test-info">',
      '      <system-out>my data/a,b.csv',
      'info: column region missing</system-out>',
      '    </testcase>',
      '    <testcase classname="my data/a,b.csv" name="2:1 test-code">',
      '      <failure message="bad cell 85%&#10;second line" type="test-code">my data/a,b.csv:2:1',
      'error: bad cell 85%',
      'second line</failure>',
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="clean.csv" tests="1" failures="0" errors="0">',
      '    <testcase classname="clean.csv" name="clean.csv"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
    expect(junit([unplaced, twoLines, chinese, positive], options)).toBe(expected);
  });

  it('fails warnings too when fail-on is warning', () => {
    // The warning now fails: framework.yaml has 2 failures, the run 2 + 1 = 3.
    const out = junit([positive, chinese, twoLines, unplaced], { ...options, failOn: 'warning' });
    expect(out).toContain('<testsuites name="dgmi" tests="5" failures="3" errors="0">');
    expect(out).toContain('<testsuite name="framework.yaml" tests="2" failures="2" errors="0">');
    expect(out).toContain('      <failure message="权重之和为零" type="test-zh">framework.yaml:12:10\nwarning: 权重之和为零</failure>');
    // The info stays a passing case.
    expect(out).toContain('      <system-out>my data/a,b.csv\ninfo: column region missing</system-out>');
  });

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    const nasty: Diagnostic = {
      code: 'test-code',
      severity: 'error',
      // U+0001, U+FFFE and a lone high surrogate are illegal in XML 1.0; the emoji (a valid
      // surrogate pair) and the tab are legal and stay. CR becomes &#13; everywhere.
      message: `a & b < c > d "e" 'f'\u0001\uFFFE\uD800 😀\tx\ry`,
      args: {},
      file: 'R&D <x>.csv',
    };
    const expected = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="dgmi" tests="1" failures="1" errors="0">',
      '  <testsuite name="R&amp;D &lt;x&gt;.csv" tests="1" failures="1" errors="0">',
      '    <testcase classname="R&amp;D &lt;x&gt;.csv" name="test-code">',
      '      <failure message="a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; 😀&#9;x&#13;y" type="test-code">R&amp;D &lt;x&gt;.csv',
      `error: a &amp; b &lt; c &gt; d "e" 'f' 😀\tx&#13;y</failure>`,
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
    expect(junit([nasty], { ...options, files: [] })).toBe(expected);
  });

  it('writes an empty report when there is nothing to report on', () => {
    expect(junit([], { ...options, files: [] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dgmi" tests="0" failures="0" errors="0">\n</testsuites>\n',
    );
  });

  it('never emits an illegal XML character and keeps every legal one (property)', () => {
    const illegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
    const decode = (s: string): string =>
      s.replace(/&(amp|lt|gt|quot|apos|#9|#10|#13);/g, (_entity, name: string) => {
        const table: Readonly<Record<string, string>> = {
          amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#9': '\t', '#10': '\n', '#13': '\r',
        };
        return table[name] ?? '';
      });
    // Any code point (lone surrogates included), with markup and boundary characters made common.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
      fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '😀'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (message) => {
        const d: Diagnostic = { code: 'test-code', severity: 'error', message, args: {}, file: 'f.csv' };
        const out = junit([d], { ...options, files: [] });
        expect(illegal.test(out)).toBe(false);
        const attribute = /<failure message="([^"]*)"/.exec(out)?.[1];
        const legal = [...message].filter((ch) => !illegal.test(ch)).join('');
        expect(decode(attribute ?? '')).toBe(legal);
      }),
    );
  });
});
