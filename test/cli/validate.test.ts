import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const fixture = (name: string) => `test/fixtures/validate/${name}/framework.yaml`;
const typo = fixture('schema-unknown-field-with-suggestion');
const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-validate-'));

describe('dgmi validate', () => {
  it('passes every shipped framework with exit 0', () => {
    const r = runDgmi(['validate', 'indicators/cn-dgdi.yaml', 'indicators/hdi.yaml', 'indicators/egdi.yaml', 'indicators/coinr-asem.yaml']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No problems found');
    expect(r.status).toBe(0);
  });

  it('reports file:line:col, the fix and exit 1 for a typo (stylish)', () => {
    const r = runDgmi(['validate', typo]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(typo);
    expect(r.stdout).toMatch(/4:1\s+error\s+Unknown field 'scal' in \(top level\) \(did you mean 'scale'\?\)\s+schema-unknown-field/u);
  });

  it('speaks Chinese with --lang zh and from LANG', () => {
    const flag = runDgmi(['validate', typo, '--lang', 'zh']);
    expect(flag.stdout).toContain('未知字段');
    const env = runDgmi(['validate', typo], { LANG: 'zh_CN.UTF-8' });
    expect(env.stdout).toContain('未知字段');
  });

  it('json: parseable, with the finding and its position', () => {
    const r = runDgmi(['validate', typo, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number }[] };
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'schema-unknown-field', line: 4, column: 1 })]);
  });

  it('github: one workflow command per finding', () => {
    const r = runDgmi(['validate', typo, '--format', 'github']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/validate\/schema-unknown-field-with-suggestion\/framework\.yaml,line=4,col=1,.*title=schema-unknown-field::/u);
  });

  it('sarif: a 2.1.0 log whose result points at the line', () => {
    const r = runDgmi(['validate', typo, '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results[0]?.ruleId).toBe('schema-unknown-field');
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(4);
  });

  it('junit: XML with a failure for the finding', () => {
    const r = runDgmi(['validate', typo, '--format', 'junit']);
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout).toContain('<failure');
    expect(r.stdout).toContain('schema-unknown-field');
  });

  it('--fail-on warning turns a warning into exit 1; the default does not', () => {
    const dir = tmp();
    const file = join(dir, 'one-language.yaml');
    writeFileSync(file, 'format: dgmi/1\nid: t\nname: { en: Test }\ndimensions:\n  - id: a\n    name: { zh: 甲, en: A }\n    indicators:\n      - { id: x, name: { zh: 乙, en: X } }\n');
    expect(runDgmi(['validate', file]).status).toBe(0);
    const strict = runDgmi(['validate', file, '--fail-on', 'warning']);
    expect(strict.stdout).toContain('name-missing-language');
    expect(strict.status).toBe(1);
  });

  it('exit 2 for a missing file and for a usage error', () => {
    const missing = runDgmi(['validate', 'no/such/file.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('File not found');
    const usage = runDgmi(['validate', typo, '--format', 'xml']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("argument 'xml' is invalid");
    expect(runDgmi(['frobnicate']).status).toBe(2);
  });

  it('hostile input: a 10 MB YAML is refused unread (exit 2), an alias bomb and an empty file are findings', () => {
    const dir = tmp();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `format: dgmi/1\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const r = runDgmi(['validate', big]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('file-too-large');
    const bomb = runDgmi(['validate', fixture('yaml-alias-bomb')]);
    expect(bomb.status).toBe(1);
    expect(bomb.stdout).toContain('yaml-alias-limit');
    const empty = runDgmi(['validate', fixture('file-empty')]);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toContain('file-empty');
    const binary = runDgmi(['validate', fixture('file-binary')]);
    expect(binary.status).toBe(1);
    expect(binary.stdout).toContain('file-binary');
  });

  it('reports every finding of a broken copy of the default framework at once', () => {
    const dir = tmp();
    const broken = join(dir, 'cn-dgdi-broken.yaml');
    const original = readFileSync(join(projectRoot, 'indicators/cn-dgdi.yaml'), 'utf8');
    // Three independent mistakes: a typo'd key, a duplicated id, a negative weight.
    const text = original
      .replace(/^scale:/mu, 'scael:')
      .replace(/weight: 15\b/u, 'weight: -15')
      .replace(/(\n\s+- id: )(\S+)([\s\S]*?\n\s+- id: )(\S+)/u, '$1$2$3$2');
    writeFileSync(broken, text);
    const r = runDgmi(['validate', broken]);
    expect(r.status).toBe(1);
    for (const code of ['schema-unknown-field', 'id-duplicate', 'weight-not-positive']) expect(r.stdout).toContain(code);
  });

  it('colour: none under NO_COLOR or --no-color, ANSI under FORCE_COLOR', () => {
    expect(runDgmi(['validate', typo]).stdout).not.toContain('\u001b[');
    expect(runDgmi(['validate', typo], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runDgmi(['validate', typo, '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('--output writes the report atomically and refuses to overwrite an input', () => {
    const dir = tmp();
    const out = join(dir, 'report.sarif');
    const r = runDgmi(['validate', typo, '--format', 'sarif', '--output', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('version', '2.1.0');
    const copy = join(dir, 'framework.yaml');
    writeFileSync(copy, readFileSync(join(projectRoot, typo)));
    const refused = runDgmi(['validate', copy, '--output', copy]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to write');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(projectRoot, typo), 'utf8'));
  });

  it('dgmi schema prints the shipped JSON Schema', () => {
    const r = runDgmi(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(projectRoot, 'indicators/framework.schema.json'), 'utf8'));
    expect(() => new Ajv({ strict: false }).compile(JSON.parse(r.stdout) as object)).not.toThrow();
  });
});
