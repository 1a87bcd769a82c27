/**
 * Diagnostics shared by the formatter tests, built literally with codes unknown to the catalog
 * (formatters then fall back to d.message and d.hint): a located error with a hint, a Chinese
 * warning, a two-line message in a file whose name has a space and a comma, an unplaced info.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DiagnosticFormatOptions } from '../../src/report/diagnostics/index.js';
import { plainPalette } from '../../src/report/palette.js';

/** The files the fixtures name, and a third one with no findings. */
export const BASE_FILES = ['framework.yaml', 'my data/a,b.csv', 'clean.csv'];

/** English, no colour, the three files above, tool version 0.1.0; `overrides` on top. */
export function formatOptions(overrides: Partial<DiagnosticFormatOptions> = {}): DiagnosticFormatOptions {
  return { lang: 'en', color: plainPalette, files: BASE_FILES, toolVersion: '0.1.0', ...overrides };
}

export const positive: Diagnostic = {
  code: 'test-code',
  severity: 'error',
  message: 'weight must be positive',
  args: { weight: -1, id: 'organization' },
  file: 'framework.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 9,
  path: ['dimensions', 0, 'weight'],
  hint: 'use a number above 0',
};
export const chinese: Diagnostic = {
  code: 'test-zh',
  severity: 'warning',
  message: '权重之和为零',
  args: {},
  file: 'framework.yaml',
  line: 12,
  column: 10,
};
export const twoLines: Diagnostic = {
  code: 'test-code',
  severity: 'error',
  message: 'bad cell 85%\nsecond line',
  args: { cell: '85%' },
  file: 'my data/a,b.csv',
  line: 2,
  column: 1,
};
export const unplaced: Diagnostic = {
  code: 'test-info',
  severity: 'info',
  message: 'column region missing',
  args: {},
  file: 'my data/a,b.csv',
};
