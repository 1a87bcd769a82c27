/**
 * Run from the TypeScript sources (as here, under vitest) there are no compiled workers to
 * start; the threaded paths must then do the work in this thread, with the same result.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parallelCsvChunks } from '../../src/cli/csv-workers.js';
import { parallelJsonChunks } from '../../src/cli/json-workers.js';
import { formatCsv } from '../../src/report/results/csv.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import { loadTestFramework } from '../fixtures/data/framework.js';
import { plainPalette } from '../../src/report/palette.js';
import { formatJson } from '../../src/report/results/json.js';
import { fixtureTable } from './results-format-fixture.js';

describe('worker threads asked for from the TypeScript sources', () => {
  it('JSON: written in this thread, the same text', async () => {
    const options = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' } as const;
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of parallelJsonChunks(fixtureTable(), options, 2)) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
    expect(text).toBe(formatJson(fixtureTable(), options));
    expect(text).toContain('"region": "310000"');
  });

  it('CSV output: written in this thread, the same bytes', async () => {
    const options = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0', detail: 'indicators', bom: true } as const;
    const chunks: Uint8Array[] = [];
    for await (const chunk of parallelCsvChunks(fixtureTable(), options, 2)) chunks.push(chunk);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));
    expect(text).toBe(formatCsv(fixtureTable(), options));
    expect(text.startsWith('\uFEFFperiod,rank,region')).toBe(true);
  });

  it('CSV: the pieces read one after another in this thread, the same rows and diagnostics', async () => {
    const framework = loadTestFramework();
    const rows = Array.from({ length: 40 }, (_, r) => `${100000 + r},地区${r},east,2022,${r % 7 === 0 ? 'abc' : r},${r % 3},是,${r}`);
    const bytes = new TextEncoder().encode(`region,name,group,period,online_rate,cdo,has_portal,services\n${rows.join('\n')}\n`);
    const file = { path: 'f.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    const whole = await parseSubmissions(framework, [file], { threads: 1 });
    const pieces = await parseSubmissions(framework, [file], { threads: 3 });
    expect(pieces.diagnostics).toEqual(whole.diagnostics);
    expect(pieces.diagnostics.filter((d) => d.code === 'cell-not-a-number')).toHaveLength(6); // rows 0, 7, …, 35
    expect(pieces.dataset).toEqual(whole.dataset);
  });

  it('CSV cut as UTF-8 bytes (BOM, CRLF) or declined (a title row above the header): the rows and diagnostics of one thread', async () => {
    const framework = loadTestFramework();
    const rows = Array.from({ length: 40 }, (_, r) => `${100000 + r},地区${r},east,2022,${r % 9 === 0 ? '８５%' : r},${r % 3},是,${r}`);
    const header = 'region,name,group,period,online_rate,cdo,has_portal,services';
    const texts = {
      bom: `\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`,
      title: `2022年数字政府评估数据\n${header}\n${rows.join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const bytes = new TextEncoder().encode(text);
      const file = { path: 'f.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
      const whole = await parseSubmissions(framework, [file], { threads: 1 });
      const pieces = await parseSubmissions(framework, [file], { threads: 3 });
      expect(pieces.diagnostics, name).toEqual(whole.diagnostics);
      expect(pieces.dataset, name).toEqual(whole.dataset);
      expect(whole.dataset?.rowCount, name).toBe(40);
    }
    const title = await parseSubmissions(framework, [{ path: 'f.csv', bytes: new TextEncoder().encode(texts.title), sha256: 'x' }], { threads: 3 });
    expect(title.diagnostics.map((d) => d.code)).toContain('header-row-detected');
  });
});

