/**
 * Region names reach every Markdown output (score, compare, explain). Most Markdown viewers
 * render inline HTML, so a name such as `<script>alert(1)</script>` must arrive as inert text:
 * `<`, `>` and `&` as entities, `|` escaped so a table cell cannot end early.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const HOSTILE = '<script>alert(1)</script>';

function hostileInputs(): { framework: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dgmi-md-'));
  const framework = join(dir, 'mini.yaml');
  copyFileSync(join(projectRoot, 'test/fixtures/score/mini.yaml'), framework);
  const data = join(dir, 'hostile.csv');
  writeFileSync(data, ['region,name,group,period,cdo,online,days', `A,${HOSTILE},east,2022,2,90,2`, 'B,R&D|lab,west,2022,1,60,6', 'C,丙,west,2022,0,30,10', ''].join('\n'));
  return { framework, data };
}

/** No raw tag survives, the escaped form is there, and the pipe in a name is escaped. */
function expectInert(markdown: string, { hasPipeName }: { hasPipeName: boolean }): void {
  expect(markdown).not.toContain('<script');
  expect(markdown).not.toContain('</script>');
  expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  if (hasPipeName) expect(markdown).toContain('R&amp;D\\|lab');
}

describe('Markdown output escapes names from submissions', () => {
  it('score --format markdown', () => {
    const { framework, data } = hostileInputs();
    const r = runDgmi(['score', framework, data, '--format', 'markdown', '--lang', 'en']);
    expect(r.status).toBe(0);
    expectInert(r.stdout, { hasPipeName: true });
    // The row keeps its columns: rank, region, group, score, tier, two dimensions → 8 unescaped pipes.
    const row = r.stdout.split('\n').find((line) => line.includes('alert'));
    expect(row?.replace(/\\\|/gu, '').split('|').length).toBe(9);
  });

  it('compare --regions --format markdown', () => {
    const { framework, data } = hostileInputs();
    const r = runDgmi(['compare', framework, data, '--regions', 'A,B', '--format', 'markdown', '--lang', 'en']);
    expect(r.status).toBe(0);
    expectInert(r.stdout, { hasPipeName: true });
  });

  it('explain --format markdown', () => {
    const { framework, data } = hostileInputs();
    const r = runDgmi(['explain', framework, data, 'A', '--format', 'markdown', '--lang', 'en']);
    expect(r.status).toBe(0);
    expectInert(r.stdout, { hasPipeName: false });
  });
});
