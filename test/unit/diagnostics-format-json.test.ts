import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chinese, formatOptions, positive, twoLines, unplaced } from './diagnostics-format-fixture.js';
import { renderMessage, allCodes } from '../../src/diagnostics/messages.js';
import { json } from '../../src/report/diagnostics/json.js';

const options = (lang: 'en' | 'zh') => formatOptions({ lang });

const ENTRY_KEYS = [
  'code',
  'severity',
  'message',
  'hint',
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'path',
  'args',
];

describe('json', () => {
  it('parses back to the dgmi-diagnostics/1 document, sorted, with nulls for unknowns', () => {
    const text = json([twoLines, unplaced, chinese, positive], options('en'));
    // Summary: errors = positive + twoLines = 2, warnings = chinese = 1, infos = unplaced = 1.
    // Order: framework.yaml line 3, line 12; then my data/a,b.csv with no line (sorts as 0),
    // then line 2.
    expect(JSON.parse(text)).toEqual({
      format: 'dgmi-diagnostics/1',
      files: ['framework.yaml', 'my data/a,b.csv', 'clean.csv'],
      summary: { errors: 2, warnings: 1, infos: 1 },
      diagnostics: [
        {
          code: 'test-code',
          severity: 'error',
          message: 'weight must be positive',
          hint: 'use a number above 0',
          file: 'framework.yaml',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
          path: ['dimensions', 0, 'weight'],
          args: { weight: -1, id: 'organization' },
        },
        {
          code: 'test-zh',
          severity: 'warning',
          message: '权重之和为零',
          hint: null,
          file: 'framework.yaml',
          line: 12,
          column: 10,
          endLine: null,
          endColumn: null,
          path: null,
          args: {},
        },
        {
          code: 'test-info',
          severity: 'info',
          message: 'column region missing',
          hint: null,
          file: 'my data/a,b.csv',
          line: null,
          column: null,
          endLine: null,
          endColumn: null,
          path: null,
          args: {},
        },
        {
          code: 'test-code',
          severity: 'error',
          message: 'bad cell 85%\nsecond line',
          hint: null,
          file: 'my data/a,b.csv',
          line: 2,
          column: 1,
          endLine: null,
          endColumn: null,
          path: null,
          args: { cell: '85%' },
        },
      ],
    });
  });

  it('keeps a stable key order, two-space indentation and a trailing newline', () => {
    const text = json([chinese, positive], options('en'));
    const document = JSON.parse(text) as { diagnostics: Record<string, unknown>[] };
    expect(Object.keys(document)).toEqual(['format', 'files', 'summary', 'diagnostics']);
    for (const entry of document.diagnostics) expect(Object.keys(entry)).toEqual(ENTRY_KEYS);
    expect(text.startsWith('{\n  "format": "dgmi-diagnostics/1",\n  "files": [\n    "framework.yaml",')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    // The builder's key order must not leak: a diagnostic written with its keys reversed
    // serialises exactly like the same diagnostic in the usual order.
    const reversed = Object.fromEntries(Object.entries(positive).reverse()) as unknown as Diagnostic;
    expect(json([reversed], options('en'))).toBe(json([positive], options('en')));
  });

  it('writes an empty run with zero counts', () => {
    expect(JSON.parse(json([], { ...options('zh'), files: ['a.yaml'] }))).toEqual({
      format: 'dgmi-diagnostics/1',
      files: ['a.yaml'],
      summary: { errors: 0, warnings: 0, infos: 0 },
      diagnostics: [],
    });
  });

  const known = allCodes()[0];
  it.skipIf(known === undefined)('words a catalogued code in the chosen language', () => {
    if (known === undefined) return;
    // The stored English message is deliberately wrong: the formatter must render the code
    // from the catalog in `lang`, not echo d.message.
    const d: Diagnostic = { code: known.code, severity: known.severity, message: 'stale', args: {}, file: 'x.yaml' };
    const [entry] = (JSON.parse(json([d], options('zh'))) as { diagnostics: { message: string }[] }).diagnostics;
    expect(entry?.message).toBe(renderMessage({ ...d, message: '' }, 'zh'));
    expect(entry?.message).not.toBe('stale');
    const [english] = (JSON.parse(json([d], options('en'))) as { diagnostics: { message: string }[] }).diagnostics;
    expect(english?.message).toBe(renderMessage({ ...d, message: '' }, 'en'));
    expect(english?.message).not.toBe('stale');
  });
});
