import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const FW = 'test/fixtures/score/mini.yaml';
const GOOD = 'test/fixtures/score/good.csv';
const HEADER = 'region,name,group,period,cdo,online,days\n';
const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-score-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(join(projectRoot, path))).digest('hex');
const samples = ['samples/provinces-2022.csv', ...readdirSync(join(projectRoot, 'samples/2021')).map((f) => `samples/2021/${f}`)];

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface JsonResult {
  format: string;
  framework: { id: string; version: string; sha256: string };
  inputs: { path: string; sha256: string }[];
  results: { region: string; period: string | null; score: number | null; rank: number | null; tier: string | null; nodes: Record<string, { score: number; contribution: number }>; indicators: Record<string, { value: number; normalised: number; imputed: boolean }> }[];
  diagnostics: { code: string; line: number; column: number }[];
}

describe('dgmi score', () => {
  it('scores a small file exactly as computed by hand (json contract)', () => {
    const r = runDgmi(['score', FW, GOOD, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as JsonResult;
    expect(out.format).toBe('dgmi-result/1');
    expect(out.framework).toEqual({ id: 'mini', version: '1', sha256: sha(FW) });
    expect(out.inputs).toEqual([{ path: GOOD, sha256: sha(GOOD) }]);
    // cdo goalpost 0–2: 100, 50, 0. online goalpost 0–100: 90, 60, 30. days minmax 2–10, negative:
    // 100, 50, 0. svc = mean(online, days) = 95, 55, 15. composite = (1·org + 3·svc)/4 = 96.25, 53.75, 11.25.
    expect(out.results.map((x) => [x.region, x.score, x.rank, x.tier])).toEqual([
      ['A', 96.25, 1, 'leading'],
      ['B', 53.75, 2, 'developing'],
      ['C', 11.25, 3, 'developing'],
    ]);
    // 90% in a percent column reads as 90; 全面推行 reads as level 2; org contributes 100 · 1/4 = 25 points.
    expect(out.results[0]?.indicators['online']).toEqual({ value: 90, normalised: 90, imputed: false });
    expect(out.results[0]?.indicators['cdo']?.value).toBe(2);
    expect(out.results[0]?.nodes['org']).toEqual({ score: 100, rank: 1, contribution: 25 });
  });

  it('is byte-identical across runs and whatever the row order', () => {
    const dir = tmp();
    const lines = readFileSync(join(projectRoot, GOOD), 'utf8').trim().split('\n');
    const shuffled = write(dir, 'good.csv', `${[lines[0], lines[3], lines[1], lines[2]].join('\n')}\n`);
    const a = runDgmi(['score', FW, GOOD, '--format', 'json']).stdout;
    expect(runDgmi(['score', FW, GOOD, '--format', 'json']).stdout).toBe(a);
    const b = JSON.parse(runDgmi(['score', FW, shuffled, '--format', 'json']).stdout) as JsonResult;
    expect(JSON.stringify(b.results)).toBe(JSON.stringify((JSON.parse(a) as JsonResult).results));
  });

  it('table: readable, localized, tier names; csv with BOM and CRLF; markdown', () => {
    const table = runDgmi(['score', FW, GOOD, '--lang', 'zh']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('排名');
    expect(table.stdout).toContain('引领型');
    expect(table.stdout).toContain('96.25');
    const csv = runDgmi(['score', FW, GOOD, '--format', 'csv', '--bom']);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout).toContain('\r\n');
    const md = runDgmi(['score', FW, GOOD, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^\|.*Rank.*\|/mu);
  });

  it('--period, --top, and an unknown period (exit 2, listing the periods present)', () => {
    const top = JSON.parse(runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'json', '--period', '2022', '--top', '4']).stdout) as JsonResult;
    expect(top.results.map((x) => x.region)).toEqual(['310000', '330000', '110000', '440000']);
    // Not just any four: the first four of 2022 in the full, unfiltered report.
    const all = JSON.parse(runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'json']).stdout) as JsonResult;
    expect(top.results).toEqual(all.results.filter((x) => x.period === '2022').slice(0, 4));
    const missing = runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples, '--period', '1999']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('2021, 2022');
  });

  it('detects GBK from Excel on Chinese Windows without --encoding', () => {
    const dir = tmp();
    const gbk = write(dir, 'gbk.csv', iconv.encode(readFileSync(join(projectRoot, GOOD), 'utf8').replace(/\n/gu, '\r\n'), 'gbk'));
    const r = runDgmi(['score', FW, gbk, '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as JsonResult).results.map((x) => x.score)).toEqual([96.25, 53.75, 11.25]);
    const forced = runDgmi(['score', FW, gbk, '--encoding', 'utf8']);
    expect(forced.stderr).toContain('file-encoding-invalid');
    expect(forced.status).toBe(1);
  });

  it('a bad cell: file, line, column and text; its region unscored; exit 1', () => {
    const dir = tmp();
    const bad = write(dir, 'bad.csv', `${HEADER}A,甲,east,2022,试点,abc,2\nB,乙,west,2022,试点,60,6\nC,丙,west,2022,0,30,10\n`);
    const r = runDgmi(['score', FW, bad, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('abc');
    const out = JSON.parse(r.stdout) as JsonResult;
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ line: 2, column: 6 }));
    expect(out.results.find((x) => x.region === 'A')?.score).toBeNull();
    expect(out.results.find((x) => x.region === 'B')?.score).not.toBeNull();
  });

  it('a value outside range, a ragged row: diagnostics and exit 1', () => {
    const dir = tmp();
    const range = write(dir, 'range.csv', `${HEADER}A,甲,east,2022,2,120,2\nB,乙,west,2022,1,60,6\n`);
    const r = runDgmi(['score', FW, range]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('value-out-of-range');
    const ragged = write(dir, 'ragged.csv', `${HEADER}A,甲,east,2022,2,90\nB,乙,west,2022,1,60,6\n`);
    const rr = runDgmi(['score', FW, ragged]);
    expect(rr.status).toBe(1);
    expect(rr.stderr).toMatch(/ragged\.csv\n\s+2\s+error .*csv-field-count/u);
  });

  it('duplicate regions across files name both places', () => {
    const dir = tmp();
    const one = write(dir, 'one.csv', `${HEADER}A,甲,east,2022,2,90,2\n`);
    const two = write(dir, 'two.csv', `${HEADER}B,乙,west,2022,1,60,6\nA,甲,east,2022,2,90,2\n`);
    const r = runDgmi(['score', FW, one, two, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('one.csv');
    expect(r.stderr).toContain('two.csv');
  });

  it('a header only, and an empty file: diagnostics, exit 1, nothing on stdout', () => {
    const dir = tmp();
    const header = write(dir, 'header.csv', HEADER);
    const r = runDgmi(['score', FW, header]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const empty = write(dir, 'empty.csv', '');
    const e = runDgmi(['score', FW, empty]);
    expect(e.status).toBe(1);
    expect(e.stderr).toContain('file-empty');
  });

  it('a 200 MB file over --max-bytes is refused unread (exit 2)', () => {
    const dir = tmp();
    const big = write(dir, 'big.csv', HEADER);
    truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB by size, nothing on disk
    const r = runDgmi(['score', FW, big, '--max-bytes', '100MB']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('file-too-large');
  });

  it('--output writes atomically and never over an input', () => {
    const dir = tmp();
    const input = join(dir, 'good.csv');
    copyFileSync(join(projectRoot, GOOD), input);
    const before = readFileSync(input, 'utf8');
    const refused = runDgmi(['score', FW, input, '--format', 'csv', '--output', input]);
    expect(refused.status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
    const out = join(dir, 'scores.csv');
    const ok = runDgmi(['score', FW, input, '--format', 'csv', '--output', out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('96.25');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an invalid framework stops before scoring (exit 2) and says where', () => {
    const r = runDgmi(['score', 'test/fixtures/validate/schema-unknown-field-with-suggestion/framework.yaml', GOOD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('schema-unknown-field');
    expect(existsSync(join(projectRoot, 'results.json'))).toBe(false);
  });

  it('names a province as the built-in table does: 浙江 is read as 330000', () => {
    const dir = tmp();
    const lines = readFileSync(join(projectRoot, 'samples/provinces-2022.csv'), 'utf8').trim().split(/\r?\n/u);
    const zhejiang = lines.find((l) => l.startsWith('330000'));
    const file = write(dir, 'zj.csv', `${lines[0]}\n${zhejiang?.replace(/^330000/u, '浙江')}\n`);
    const r = runDgmi(['score', 'indicators/cn-dgdi.yaml', file, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as JsonResult;
    expect(doc.results.map((x) => x.region)).toEqual(['330000']);
    // The other 30 required provinces have no row: each is named, Zhejiang is not, and the run exits 1.
    // (One region also makes every min–max indicator constant: those warnings are not at issue here.)
    expect(doc.diagnostics.filter((d) => d.code === 'region-required-missing')).toHaveLength(30);
    expect(r.stderr).not.toContain("'330000'");
    expect(r.status).toBe(1);
  });

  describe('worker threads (--threads)', () => {
    /** 1,200 regions × 30 indicators in 2 dimensions × 3 groups: several JSON batches, some cells missing, a Chinese name per row. */
    function generated(dir: string, rows = 1200): { framework: string; data: string } {
      const indicators = Array.from({ length: 30 }, (_, k) => `i${k}`);
      const groups = [0, 1].flatMap((d) =>
        [0, 1, 2].map((g) => {
          const ids = indicators.filter((_, k) => k % 6 === d * 3 + g);
          return `      - id: d${d}g${g}\n        name: { en: G${d}${g} }\n        indicators:\n${ids.map((id, j) => `          - { id: ${id}, name: { en: ${id} }${j % 2 ? ', direction: negative' : ''} }`).join('\n')}`;
        }),
      );
      const yaml = [
        'format: dgmi/1',
        'id: threads',
        'name: { en: Threads }',
        'dimensions:',
        ...[0, 1].map((d) => `  - id: d${d}\n    name: { en: D${d} }\n    weight: ${d + 1}\n    groups:\n${groups.slice(3 * d, 3 * d + 3).join('\n')}`),
        'tiers:',
        '  levels:',
        '    - { id: top, name: { en: Top }, rule: { rank: { max: 100 } } }',
        '    - { id: rest, name: { en: Rest }, rule: otherwise }',
      ].join('\n');
      let csv = `region,name,group,period,${indicators.join(',')}\n`;
      for (let r = 0; r < rows; r++) {
        const cells = indicators.map((_, k) => ((r * 7 + k * 13) % 97 === 0 ? '' : String(((r * 31 + k * 17) % 1000) / 10)));
        csv += `${100000 + r},地区${r},${['east', 'west'][r % 2]},${2021 + (r % 2)},${cells.join(',')}\n`;
      }
      return { framework: write(dir, 'threads.yaml', `${yaml}\n`), data: write(dir, 'threads.csv', csv) };
    }

    it('writes JSON on worker threads byte for byte as in one thread, to a file and to stdout', () => {
      const dir = tmp();
      const { framework, data } = generated(dir);
      const one = join(dir, 'one.json');
      const two = join(dir, 'two.json');
      expect(runDgmi(['score', framework, data, '--format', 'json', '--output', one, '--threads', '1']).status).toBe(0);
      expect(runDgmi(['score', framework, data, '--format', 'json', '--output', two, '--threads', '2']).status).toBe(0);
      const text = readFileSync(one, 'utf8');
      expect(readFileSync(two, 'utf8')).toBe(text);
      const doc = JSON.parse(text) as JsonResult;
      expect(doc.results).toHaveLength(1200);
      expect(doc.results.filter((r) => r.tier === 'top')).toHaveLength(200); // 100 per period
      expect(runDgmi(['score', framework, data, '--format', 'json', '--threads', '3']).stdout).toBe(text);
      const top = runDgmi(['score', framework, data, '--format', 'json', '--threads', '1', '--period', '2022', '--top', '7']).stdout;
      expect(runDgmi(['score', framework, data, '--format', 'json', '--threads', '2', '--period', '2022', '--top', '7']).stdout).toBe(top);
      expect((JSON.parse(top) as JsonResult).results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it('--detail groups and summary on worker threads: the same bytes as in one thread', () => {
      // 4,000 rows: with groups only a JSON batch is 50,000 / (3 × 8 nodes + 2) = 1,923 rows, so 3 batches.
      const { framework, data } = generated(tmp(), 4000);
      for (const detail of ['groups', 'summary']) {
        const one = runDgmi(['score', framework, data, '--format', 'json', '--detail', detail, '--threads', '1']);
        const two = runDgmi(['score', framework, data, '--format', 'json', '--detail', detail, '--threads', '2']);
        expect(two.status).toBe(0);
        expect(two.stdout).toBe(one.stdout);
        const results = (JSON.parse(one.stdout) as { results: Record<string, unknown>[] }).results;
        expect(results).toHaveLength(4000);
        expect('nodes' in (results[0] ?? {})).toBe(detail === 'groups');
        expect('indicators' in (results[0] ?? {})).toBe(false);
      }
    });

    it('writes CSV on worker threads byte for byte as in one thread, with --bom, --period and --top, to stdout and to a file', () => {
      // With every indicator a CSV batch is about 1 MB / (40 + 18 × 70 numbers) = 806 rows: 2,000 rows make 3 batches.
      const dir = tmp();
      const { framework, data } = generated(dir, 2000);
      const args = ['score', framework, data, '--format', 'csv', '--detail', 'indicators'];
      const one = runDgmi([...args, '--threads', '1', '--bom']);
      const file = join(dir, 'two.csv');
      expect(runDgmi([...args, '--threads', '2', '--bom', '--output', file]).status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(one.stdout);
      const lines = one.stdout.trimEnd().split('\r\n');
      expect(lines).toHaveLength(2001);
      expect(lines[0]?.replace(/^\uFEFF/u, '').split(',')).toHaveLength(8 + 8 + 3 * 30);
      const top = runDgmi([...args, '--threads', '1', '--period', '2022', '--top', '900']).stdout;
      expect(runDgmi([...args, '--threads', '2', '--period', '2022', '--top', '900']).stdout).toBe(top);
      expect(top.trimEnd().split('\r\n')).toHaveLength(901);
    });

    it('reads a large file in pieces on worker threads with the same rows, diagnostics and exit status', () => {
      const dir = tmp();
      const { framework, data } = generated(dir);
      // Make it messy: 1,300 bad cells (more than the 1,000 listed per file), rows without a
      // region, ragged rows, blank lines, a repeated (region, period), Windows line ends.
      const lines = readFileSync(data, 'utf8').trim().split('\n');
      const messy = lines.map((line, i) => {
        if (i === 0) return line;
        if (i % 97 === 0) return '';
        if (i % 211 === 0) return `${line},extra`;
        if (i % 301 === 0) return line.replace(/^\d+/u, '');
        return i % 3 === 0 ? line.split(',').map((cell, k) => (k >= 4 && k < 8 ? 'abc' : cell)).join(',') : line;
      });
      messy.push(lines[5] ?? '');
      const path = write(dir, 'messy.csv', `${messy.join('\r\n')}\r\n`);
      const one = runDgmi(['score', framework, path, '--format', 'json', '--threads', '1']);
      expect(one.status).toBe(1);
      expect(one.stderr).toContain("'abc'");
      // 4 bad cells in each of ~390 rows: 1,000 listed, the rest counted in one line.
      expect(one.stderr).toMatch(/\d+ more cell error\(s\)/u);
      for (const threads of ['2', '4']) {
        const many = runDgmi(['score', framework, path, '--format', 'json', '--threads', threads]);
        expect(many.status).toBe(one.status);
        // On a machine with fewer cores than asked, --threads is cut to the cores with one notice first.
        expect(many.stderr.replace(/^dgmi: --threads \d+ is more than this machine's \d+ CPU cores; using \d+\n/u, '')).toBe(one.stderr);
        expect(many.stdout).toBe(one.stdout);
      }
    });

    it('the samples: the same JSON with and without threads', () => {
      const one = runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'json', '--threads', '1']);
      const two = runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'json', '--threads', '2']);
      expect(two.status).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect((JSON.parse(one.stdout) as JsonResult).results).toHaveLength(62);
    });
  });

  it('the README main command scores the samples with exit 0', () => {
    const r = runDgmi(['score', 'indicators/cn-dgdi.yaml', ...samples]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('上海');
  });
});
