import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const FRAMEWORK = 'indicators/cn-dgdi.yaml';
const SAMPLE = 'samples/provinces-2022.csv';

/** The shipped 2022 sample with two title lines above its header, as an Excel export has them. */
function titledSample(): string {
  const text = readFileSync(join(projectRoot, SAMPLE), 'utf8').replace(/^\uFEFF/u, '');
  const path = join(mkdtempSync(join(tmpdir(), 'dgmi-header-row-')), 'provinces-2022-titled.csv');
  writeFileSync(path, `2022 年各省数字政府发展指数填报表\n填报日期：2023-01-15\n${text}`);
  return path;
}

describe('dgmi score on a submission with title rows', () => {
  it('scores it as the plain file, warning which row it took as the header; --header-row 3 silences the warning', () => {
    const plain = runDgmi(['score', FRAMEWORK, SAMPLE, '--format', 'csv']);
    expect(plain.status).toBe(0);
    const titled = titledSample();
    const detected = runDgmi(['score', FRAMEWORK, titled, '--format', 'csv', '--lang', 'en']);
    expect(detected.status).toBe(0);
    expect(detected.stdout).toBe(plain.stdout);
    expect(detected.stderr).toContain('Row 3 was taken as the header');
    expect(detected.stderr).toContain('--header-row 3');
    const named = runDgmi(['score', FRAMEWORK, titled, '--format', 'csv', '--header-row', '3']);
    expect(named.status).toBe(0);
    expect(named.stdout).toBe(plain.stdout);
    expect(named.stderr).not.toContain('header');
  });

  it('rejects --header-row 0 as a usage error (exit 2)', () => {
    const r = runDgmi(['score', FRAMEWORK, SAMPLE, '--header-row', '0']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
