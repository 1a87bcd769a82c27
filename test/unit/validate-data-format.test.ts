import { describe, expect, it } from 'vitest';
import type { RegionFindings } from '../../src/analyse/submission-summary.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DiagnosticFormatOptions } from '../../src/report/diagnostics/index.js';
import { json } from '../../src/report/diagnostics/json.js';
import { stylish } from '../../src/report/diagnostics/stylish.js';
import { plainPalette } from '../../src/report/palette.js';

// Literal diagnostics with codes unknown to the catalog: the formatter falls back to `message`.
const outOfRange: Diagnostic = { code: 'test-range', severity: 'error', message: 'out of range', args: {}, file: 'gx.csv', line: 2, column: 5 };
const missing: Diagnostic = { code: 'test-missing', severity: 'warning', message: 'missing', args: {}, file: 'gx.csv', line: 2 };

const regions: RegionFindings[] = [
  { region: '320000', name: '江苏', errors: 0, warnings: 0, infos: 0 },
  { region: '450000', name: '广西', errors: 3, warnings: 1, infos: 0 },
  { region: '浙将', name: '', errors: 1, warnings: 0, infos: 0 },
];

const options = (extra: Partial<DiagnosticFormatOptions> = {}): DiagnosticFormatOptions => ({
  lang: 'en',
  color: plainPalette,
  files: ['gx.csv'],
  toolVersion: '0.0.0',
  ...extra,
});

describe('per-region summary in the stylish format', () => {
  it('lists the regions with findings, names aligned, then how many are clean, before the total', () => {
    const out = stylish([outOfRange, missing], options({ regions }));
    expect(out).toContain(
      [
        'By region:',
        // '广西 (450000):' is 14 cells wide (广西 counts 4), so '浙将:' (5 cells) is padded by 9.
        '  广西 (450000): 3 errors, 1 warning',
        '  浙将:          1 error',
        '  1 other region without problems',
        '',
        '✖ 2 problems (1 error, 1 warning)',
      ].join('\n'),
    );
  });

  it('speaks Chinese with lang zh', () => {
    const out = stylish([outOfRange, missing], options({ lang: 'zh', regions }));
    expect(out).toContain('按地区：\n  广西（450000）： 3 个错误，1 个警告\n  浙将：           1 个错误\n  其余 1 个地区未发现问题\n');
  });

  it('says so when every region is clean, and adds nothing without regions', () => {
    const clean = regions.map((r) => ({ ...r, errors: 0, warnings: 0 }));
    expect(stylish([missing], options({ regions: clean }))).toContain('By region:\n  all 3 regions without problems\n');
    expect(stylish([missing], options())).not.toContain('By region');
  });
});

describe('per-region summary in the json format', () => {
  it('adds summary.regions, every region with its counts', () => {
    const document = JSON.parse(json([outOfRange, missing], options({ regions }))) as { summary: Record<string, unknown> };
    expect(document.summary).toEqual({ errors: 1, warnings: 1, infos: 0, regions });
  });

  it('keeps the summary as it was without regions', () => {
    const document = JSON.parse(json([outOfRange], options())) as { summary: Record<string, unknown> };
    expect(document.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
  });
});
