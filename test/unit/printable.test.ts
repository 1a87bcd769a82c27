/** Submitted text never reaches a terminal or a CI log with its control characters intact. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../src/diagnostics/messages.js';
import { DIAGNOSTIC_FORMATS } from '../../src/report/diagnostics/index.js';
import { plainPalette } from '../../src/report/palette.js';
import { printable, printableLines } from '../../src/report/printable.js';

const hostile = '9\u001b[2J\u001b[31m0\u0007';
const d: Diagnostic = makeDiagnostic('cell-not-a-number', { text: hostile, columnLetter: 'F', header: 'online' }, { file: 'evil.csv', line: 2, column: 6 });
const options = { lang: 'en' as const, color: plainPalette, files: ['evil.csv'], toolVersion: '0' };

describe('printable', () => {
  it('shows every control character as a space, and printableLines keeps line breaks', () => {
    expect(printable('a\u001b[31mb\nc\u0085')).toBe('a [31mb c ');
    expect(printableLines('a\u001bb\r\nc')).toBe('a b\r\nc');
  });

  it('stylish and github output carry no escape or bell from a cell', () => {
    expect(d.message).toContain('\u001b'); // the diagnostic keeps the data as it was...
    for (const format of ['stylish', 'github'] as const) {
      const out = DIAGNOSTIC_FORMATS[format]([d], options);
      expect(out).not.toMatch(/[\u001b\u0007]/u); // ...the formatter shows it harmlessly
      expect(out).toContain('[31m0');
    }
  });
});
