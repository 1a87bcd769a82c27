/**
 * `dgmi score` loads one format's module (src/cli/result-writers.ts) instead of the registries
 * in src/report/results/index.ts, which import every formatter. The writer it loads must be the
 * very function the registries hold — the chunked writer where there is one, as `runScore` chose
 * before — so that the output cannot differ from what the registries would have written.
 */
import { describe, expect, it } from 'vitest';
import { BINARY_RESULT_FORMAT_CHOICES, DIAGNOSTIC_FORMAT_CHOICES, RESULT_FORMAT_CHOICES } from '../../src/cli/choices.js';
import { loadDiagnosticFormatter } from '../../src/cli/diagnostic-writers.js';
import { DIAGNOSTIC_FORMATS } from '../../src/report/diagnostics/index.js';
import { isBinaryFormat, loadBinaryResultWriter, loadResultWriter } from '../../src/cli/result-writers.js';
import { BINARY_RESULT_FORMATS, RESULT_FORMATS, RESULT_STREAMS } from '../../src/report/results/index.js';

describe('result writers loaded one format at a time', () => {
  it('each text format loads the registry\'s streaming writer where there is one, else its formatter', async () => {
    expect(RESULT_FORMAT_CHOICES.length).toBe(Object.keys(RESULT_FORMATS).length);
    for (const format of RESULT_FORMAT_CHOICES) {
      const expected = RESULT_STREAMS[format] ?? RESULT_FORMATS[format];
      expect(await loadResultWriter(format), format).toBe(expected);
    }
    // The formats that stream: json, ndjson and csv (so the `??` above is exercised both ways).
    expect(Object.keys(RESULT_STREAMS).sort()).toEqual(['csv', 'json', 'ndjson']);
  });

  it('each binary format loads the registry\'s writer', async () => {
    for (const format of BINARY_RESULT_FORMAT_CHOICES) {
      expect(await loadBinaryResultWriter(format), format).toBe(BINARY_RESULT_FORMATS[format]);
    }
  });

  it('binary formats are told apart from text ones by the option lists', () => {
    for (const format of BINARY_RESULT_FORMAT_CHOICES) expect(isBinaryFormat(format), format).toBe(true);
    for (const format of RESULT_FORMAT_CHOICES) expect(isBinaryFormat(format), format).toBe(false);
  });

  it('each validate --format loads the diagnostics registry\'s own formatter', async () => {
    expect(DIAGNOSTIC_FORMAT_CHOICES.length).toBe(Object.keys(DIAGNOSTIC_FORMATS).length);
    for (const format of DIAGNOSTIC_FORMAT_CHOICES) expect(await loadDiagnosticFormatter(format), format).toBe(DIAGNOSTIC_FORMATS[format]);
  });
});
