import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DiagnosticFormatOptions } from '../../src/report/diagnostics/index.js';
import { DIAGNOSTIC_FORMATS, isDiagnosticFormat } from '../../src/report/diagnostics/index.js';
import { plainPalette } from '../../src/report/palette.js';

const chinese: Diagnostic = {
  code: 'test-zh',
  severity: 'warning',
  message: '权重之和为零',
  args: {},
  file: '框架.yaml',
  line: 1,
  column: 1,
};

const options: DiagnosticFormatOptions = { lang: 'zh', color: plainPalette, files: ['框架.yaml'], toolVersion: '0.1.0' };

describe('DIAGNOSTIC_FORMATS', () => {
  it('offers exactly the five --format choices of dgmi validate', () => {
    expect(Object.keys(DIAGNOSTIC_FORMATS)).toEqual(['stylish', 'json', 'github', 'sarif', 'junit']);
    for (const name of ['stylish', 'json', 'github', 'sarif', 'junit']) expect(isDiagnosticFormat(name)).toBe(true);
    // Inherited object keys are not formats.
    expect(isDiagnosticFormat('toString')).toBe(false);
    expect(isDiagnosticFormat('table')).toBe(false);
  });

  it('every formatter carries the message through, ends in a newline, and ignores input order', () => {
    const other: Diagnostic = { ...chinese, code: 'test-other', message: 'second', line: 2 };
    for (const [name, format] of Object.entries(DIAGNOSTIC_FORMATS)) {
      const out = format([other, chinese], options);
      expect(out, name).toContain('权重之和为零');
      expect(out.endsWith('\n'), name).toBe(true);
      expect(format([chinese, other], options), name).toBe(out);
    }
  });
});
