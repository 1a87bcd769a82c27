/**
 * Denominator columns through the real loader (loadSubmissions): read with the same cell
 * parsing as indicators, joined by (region, period), and no longer called unknown columns.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadSubmissions, parseSubmissions } from '../../src/load/submissions.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const dir = mkdtempSync(join(tmpdir(), 'dgmi-denominators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const framework: ResolvedFramework = resolveFramework({
  format: 'dgmi/1',
  id: 'per-capita',
  name: { en: 'Per capita' },
  dimensions: [
    {
      id: 'd',
      name: { en: 'D' },
      indicators: [
        { id: 'doctors', name: { en: 'Doctors', zh: '医生数' }, denominator: 'Population', denominator_factor: 10000 },
        { id: 'online', name: { en: 'Online rate' } },
      ],
    },
  ],
});

describe('denominator columns in submissions', () => {
  it('reads the column by its header, aligned with the rows, and calls it unknown no more', async () => {
    // Rows in file order B, A; the join is by region, not by position.
    const path = write('wide.csv', 'region,period,doctors,online,Population,Area\nB,2024,30,50,20000,5\nA,2024,10,40,5000,7\n');
    const loaded = await loadSubmissions(framework, [path]);
    expect(loaded.diagnostics.map((d) => [d.code, d.args['header']])).toEqual([['column-unknown', 'Area']]);
    const dataset = loaded.dataset;
    expect(dataset?.region).toEqual(['B', 'A']);
    expect(Array.from(dataset?.denominators?.get('Population') ?? [])).toEqual([20000, 5000]);
    // doctors per 10,000: B 30/20000·10000 = 15, A 10/5000·10000 = 20 → min-max: B 0, A 100.
    const table = score(framework, dataset!);
    expect(Array.from(table.indicators.get('doctors')?.value ?? [])).toEqual([15, 20]);
    expect(Array.from(table.indicators.get('doctors')?.normalised ?? [])).toEqual([0, 100]);
  });

  it('a text denominator is a located cell error and excludes its row', async () => {
    const path = write('text.csv', 'region,period,doctors,online,Population\nA,2024,10,40,many\nB,2024,30,50,20000\nC,2024,20,45,10000\n');
    const loaded = await loadSubmissions(framework, [path]);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['cell-not-a-number', 'error', 2, 5]]);
    expect(Array.from(loaded.dataset?.excluded ?? [])).toEqual([1, 0, 0]);
    const table = score(framework, loaded.dataset!);
    expect(table.composite.score[0]).toBeNaN();
  });

  it('a file without the column leaves it out of the dataset, and scoring names it against the framework', async () => {
    const path = write('none.csv', 'region,period,doctors,online\nA,2024,10,40\nB,2024,30,50\n');
    const loaded = await loadSubmissions(framework, [path]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.dataset?.denominators?.has('Population')).toBe(false);
    const table = score(framework, loaded.dataset!);
    expect(table.diagnostics.map((d) => [d.code, d.severity])).toEqual([['denominator-column-missing', 'error']]);
  });

  it('reads denominators from a long file too', async () => {
    const path = write('long.csv', 'region,indicator,value,period\nA,doctors,10,2024\nA,online,40,2024\nA,Population,5000,2024\nB,doctors,30,2024\nB,online,50,2024\nB,Population,20000,2024\n');
    const loaded = await loadSubmissions(framework, [path]);
    expect(loaded.diagnostics).toEqual([]);
    expect(Array.from(loaded.dataset?.denominators?.get('Population') ?? [])).toEqual([5000, 20000]);
  });

  it('parseSubmissions (the library entry without file reading) reads them too', async () => {
    const bytes = new TextEncoder().encode('region,period,doctors,online,Population\nA,2024,10,40,5000\n');
    const parsed = await parseSubmissions(framework, [{ path: 'mem.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') }]);
    expect(parsed.diagnostics).toEqual([]);
    expect(Array.from(parsed.dataset?.denominators?.get('Population') ?? [])).toEqual([5000]);
  });
});
