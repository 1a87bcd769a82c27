import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { AnySchemaObject } from 'ajv';
import fc from 'fast-check';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chinese, formatOptions, positive, twoLines, unplaced } from './diagnostics-format-fixture.js';
import { allCodes } from '../../src/diagnostics/messages.js';
import { sarif } from '../../src/report/diagnostics/sarif.js';

// --- the vendored OASIS schema (see test/fixtures/sarif/README.md) --------------------------

const schemaText = readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8');

/**
 * The standard's schema is draft-04, which Ajv 8 does not implement. Draft-07 reads every
 * keyword this file uses the same way except the dialect markers themselves, so those two are
 * renamed in memory (the boolean exclusiveMinimum/Maximum, the one draft-04 keyword whose
 * meaning changed, is absent: asserted below).
 */
function asDraft07(text: string): AnySchemaObject {
  const { $schema: _draft04, id, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...(typeof id === 'string' ? { $id: id } : {}), ...rest };
}

/**
 * Ajv ships no format checks (they live in ajv-formats, not installed), and the schema uses
 * three. These follow RFC 3986 §3/§4.1 and RFC 3339 closely enough to catch what a formatter
 * can get wrong: raw spaces or other characters outside the URI set, a bad percent escape, a
 * relative reference whose first segment has a colon (it would read as a scheme), a URI
 * without a scheme where an absolute one is required.
 */
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
function isUriReference(s: string): boolean {
  if (!URI_CHARS.test(s)) return false;
  if (SCHEME.test(s)) return true;
  const firstSegment = s.split(/[/?#]/, 1)[0] ?? '';
  return !firstSegment.includes(':');
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => SCHEME.test(s) && isUriReference(s));
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  return ajv.compile(asDraft07(schemaText));
}
const validate = validator();

function expectValid(text: string): Log {
  const log = JSON.parse(text) as Log;
  const isValid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(isValid).toBe(true);
  return log;
}

const options = formatOptions({ cwd: '/work/repo' });

describe('sarif', () => {
  it('reads the vendored schema as draft-07 without changing its meaning', () => {
    expect(schemaText).not.toMatch(/exclusiveM(in|ax)imum/);
    // The validator is not vacuous: an empty object and a zero start line are both rejected.
    expect(validate({})).toBe(false);
    const log = JSON.parse(sarif([positive], options)) as Log;
    const region = log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    expect(region).toBeDefined();
    if (region) region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('writes a valid SARIF 2.1.0 log with rules, artifacts and located results', () => {
    const log = expectValid(sarif([twoLines, unplaced, chinese, positive], options));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    if (!run) throw new Error('no run');

    expect(run.tool.driver.name).toBe('dgmi');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    // Every catalog code is a rule (the catalog may still be filling up), then the codes the
    // diagnostics used that it lacks, in order of first use: test-code, test-zh, test-info.
    const rules = run.tool.driver.rules ?? [];
    const catalog = allCodes().map((c) => c.code);
    expect(rules.map((r) => r.id)).toEqual([...catalog, 'test-code', 'test-zh', 'test-info']);
    expect(rules.at(-1)?.shortDescription?.text).toBe('test-info');

    // The working directory is %SRCROOT%; the space is percent-encoded, the comma is legal.
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.artifacts).toEqual([
      { location: { uri: 'framework.yaml', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'my%20data/a,b.csv', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'clean.csv', uriBaseId: '%SRCROOT%' } },
    ]);

    const ruleIndex = (code: string): number => rules.findIndex((r) => r.id === code);
    expect(run.results).toEqual([
      {
        ruleId: 'test-code',
        ruleIndex: ruleIndex('test-code'),
        level: 'error',
        message: { text: 'weight must be positive' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'framework.yaml', uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
            },
            logicalLocations: [{ fullyQualifiedName: 'dimensions[0].weight' }],
          },
        ],
        properties: { hint: 'use a number above 0' },
      },
      {
        ruleId: 'test-zh',
        ruleIndex: ruleIndex('test-zh'),
        level: 'warning',
        message: { text: '权重之和为零' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'framework.yaml', uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 12, startColumn: 10 },
            },
          },
        ],
      },
      {
        ruleId: 'test-info',
        ruleIndex: ruleIndex('test-info'),
        level: 'note',
        message: { text: 'column region missing' },
        // No line: no region at all, since SARIF requires startLine ≥ 1.
        locations: [{ physicalLocation: { artifactLocation: { uri: 'my%20data/a,b.csv', uriBaseId: '%SRCROOT%', index: 1 } } }],
      },
      {
        ruleId: 'test-code',
        ruleIndex: ruleIndex('test-code'),
        level: 'error',
        message: { text: 'bad cell 85%\nsecond line' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'my%20data/a,b.csv', uriBaseId: '%SRCROOT%', index: 1 },
              region: { startLine: 2, startColumn: 1 },
            },
          },
        ],
      },
    ]);
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.language).toBe('en');
  });

  it('describes rules in Chinese under lang zh', () => {
    const log = expectValid(sarif([chinese], { ...options, lang: 'zh' }));
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.shortDescription?.text)).toEqual([...allCodes().map((c) => c.zh), 'test-zh']);
    expect(log.runs[0]?.language).toBe('zh');
  });

  it('maps absolute, Windows and outside paths to relative URIs or absolute file URIs', () => {
    const at = (file: string): Diagnostic => ({ ...chinese, file });
    const log = expectValid(
      sarif([at('/work/repo/sub dir/x.yaml'), at('/elsewhere/y.csv'), at('../up.csv')], {
        ...options,
        files: [],
        cwd: '/work/repo/',
      }),
    );
    // Sorted by file name: '../up.csv' < '/elsewhere/y.csv' < '/work/repo/sub dir/x.yaml'.
    expect(log.runs[0]?.artifacts?.map((a) => a.location)).toEqual([
      { uri: 'file:///work/up.csv' },
      { uri: 'file:///elsewhere/y.csv' },
      { uri: 'sub%20dir/x.yaml', uriBaseId: '%SRCROOT%' },
    ]);

    const windows = expectValid(
      sarif([at('C:\\Users\\me\\proj\\data\\a b.csv'), at('D:\\other.csv')], {
        ...options,
        files: [],
        cwd: 'C:\\Users\\me\\proj',
      }),
    );
    expect(windows.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///C:/Users/me/proj/' } });
    expect(windows.runs[0]?.artifacts?.map((a) => a.location)).toEqual([
      { uri: 'data/a%20b.csv', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///D:/other.csv' },
    ]);

    // Without a working directory relative names stay relative; a colon in the first segment
    // is escaped so the reference cannot be read as a scheme.
    const bare = expectValid(sarif([at('a:b.csv')], { ...options, files: [], cwd: undefined }));
    expect(bare.runs[0]?.originalUriBaseIds).toBeUndefined();
    expect(bare.runs[0]?.artifacts?.[0]?.location).toEqual({ uri: 'a%3Ab.csv', uriBaseId: '%SRCROOT%' });
  });

  it('lists two names of one file as one artifact, which both results cite', () => {
    // 'a.csv' and './a.csv' resolve to the same URI; SARIF requires distinct artifacts.
    const log = expectValid(
      sarif([{ ...chinese, file: './a.csv' }], { ...options, files: ['a.csv', './a.csv', 'b.csv'] }),
    );
    expect(log.runs[0]?.artifacts).toEqual([
      { location: { uri: 'a.csv', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'b.csv', uriBaseId: '%SRCROOT%' } },
    ]);
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'a.csv',
      uriBaseId: '%SRCROOT%',
      index: 0,
    });
  });

  it('omits positions SARIF would reject and keeps the ones it accepts', () => {
    const odd: Diagnostic = { ...positive, line: 4, column: 0, endLine: 2, endColumn: 7 };
    // column 0 is not a position; endLine 2 < line 4 is dropped; endColumn 7 alone is kept.
    const log = expectValid(sarif([odd], options));
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 4, endColumn: 7 });
    const backwards: Diagnostic = { ...positive, line: 4, column: 9, endLine: undefined, endColumn: 2 };
    // Same line, end column 2 before start column 9: the end is dropped.
    const log2 = expectValid(sarif([backwards], options));
    expect(log2.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 4, startColumn: 9 });
  });

  it('is schema-valid for any diagnostics, file names and working directory (property)', () => {
    const nameChar = fc.constantFrom('a', 'Z', '0', ' ', ',', '%', '#', '?', ':', '\\', '/', '.', '数', '[', '"');
    const position = fc.option(fc.oneof(fc.integer({ min: -3, max: 5000 }), fc.double({ min: -1, max: 50, noNaN: true })), {
      nil: undefined,
    });
    const diagnostic = fc.record({
      file: fc.string({ unit: nameChar, maxLength: 20 }),
      line: position,
      column: position,
      endLine: position,
      endColumn: position,
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      message: fc.string({ maxLength: 20 }),
      path: fc.option(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.nat(9)), { maxLength: 3 }), { nil: undefined }),
    });
    const cwd = fc.option(fc.constantFrom('/work/repo', '/', 'C:\\proj', 'relative/dir', '/tmp/a b/'), { nil: undefined });
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 6 }), fc.array(fc.string({ unit: nameChar, maxLength: 12 }), { maxLength: 3 }), cwd, (specs, files, root) => {
        const diagnostics: Diagnostic[] = specs.map((s) => ({ code: 'test-code', args: {}, ...s }));
        const text = sarif(diagnostics, { ...options, files, cwd: root });
        validate(JSON.parse(text));
        expect(validate.errors ?? []).toEqual([]);
      }),
    );
  });
});
