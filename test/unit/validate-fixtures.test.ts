/**
 * Fixture-driven: every folder under test/fixtures/validate/ holds a framework.yaml and an
 * expected.json `{ codes: [{ code, line, column }], exit }`. The whole validate pipeline runs on
 * the file (YAML, schema, rules) and must report exactly those codes at those places.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExitStatus } from '../../src/cli/commands/validate.js';
import { parseFrameworkBytes } from '../../src/load/framework.js';

const root = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));

interface Expected {
  readonly codes: readonly { code: string; line?: number; column?: number }[];
  readonly exit: number;
}

const folders = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const cases = folders.filter((name) => existsSync(join(root, name, 'expected.json')));

describe('validate fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it('has an expected.json and a framework.yaml in every fixture folder (a folder without them would be dropped silently)', () => {
    expect(folders.filter((name) => !existsSync(join(root, name, 'expected.json')))).toEqual([]);
    expect(folders.filter((name) => !existsSync(join(root, name, 'framework.yaml')))).toEqual([]);
  });

  for (const name of cases) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
      const file = join(root, name, 'framework.yaml');
      const result = parseFrameworkBytes(readFileSync(file), file);
      const actual = result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
      const wanted = expected.codes.map((c) => ({ code: c.code, line: c.line, column: c.column }));
      const key = (c: { code: string; line?: number | undefined; column?: number | undefined }) => `${c.code}@${c.line ?? '-'}:${c.column ?? '-'}`;
      expect(actual.map(key).sort()).toEqual(wanted.map(key).sort());
      expect(validateExitStatus(result.diagnostics, 'error')).toBe(expected.exit);
      expect(result.framework !== undefined).toBe(expected.exit === 0);
    });
  }
});
