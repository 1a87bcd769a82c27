/**
 * `dgmi report` and `dgmi score --format html|xlsx` end to end: the real executable, its exit
 * statuses, what it writes and where. The workbook is read back with the project's own XLSX
 * reader and every number compared with `--format json` of the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework.js';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import { projectRoot, runDgmi } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dgmi-report-cli-'));
const SAMPLES_2021 = readdirSync(join(projectRoot, 'samples/2021'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => `samples/2021/${f}`);
const SAMPLE = ['indicators/cn-dgdi.yaml', ...SAMPLES_2021, 'samples/provinces-2022.csv'];
const MINI = ['test/fixtures/score/mini.yaml', 'test/fixtures/score/good.csv'];

describe('dgmi report', () => {
  it('writes the report atomically, says so on stderr, and exits 0', () => {
    const out = join(dir, 'sample.html');
    const run = runDgmi(['report', ...SAMPLE, '--output', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`已写入 ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    // Nothing to fetch: no script, link, image or import; url() only for the SVGs' own gradients (#id).
    expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)/iu);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('speaks English for --lang en and Chinese by default for a framework named in Chinese', () => {
    const en = runDgmi(['report', ...MINI, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('<h1>Mini index · 2022</h1>');
    expect(en.stdout).toContain('<h2>1. Summary</h2>');
    const zh = runDgmi(['report', ...MINI], { LANG: 'en_US.UTF-8' });
    expect(zh.stdout).toContain('<h1>迷你指数 · 2022</h1>');
  });

  it('gives full cards to --cards regions and lists the rest', () => {
    const run = runDgmi(['report', ...MINI, '--cards', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.match(/<article class="card"/gu)).toHaveLength(1);
    expect(run.stdout).toContain('data-region="A"');
    expect(run.stdout.match(/<table class="rest">[\s\S]*?<\/table>/u)?.[0].match(/<tr>/gu)).toHaveLength(3); // header + B + C
  });

  it('draws profiles for --regions by name or code', () => {
    const run = runDgmi(['report', ...SAMPLE, '--regions', '西藏,330000']);
    expect(run.status, run.stderr).toBe(0);
    const profiles = [...run.stdout.matchAll(/data-chart="profile">[\s\S]*?<\/figure>/gu)].map((m) => m[0]);
    expect(profiles).toHaveLength(2);
    // Each radar's title and legend name its region; 西藏 is developing, so its tier mean is that tier's.
    expect(profiles[0]).toContain('>西藏</text>');
    expect(profiles[0]).toContain('>发展型平均</text>');
    expect(profiles[1]).toContain('>浙江</text>');
    expect(profiles[1]).toContain('>引领型平均</text>');
  });

  it('rejects an unknown --regions entry or --period with status 2 and a located message', () => {
    const region = runDgmi(['report', ...MINI, '--regions', 'Z9']);
    expect(region.status).toBe(2);
    expect(region.stdout).toBe('');
    expect(region.stderr).toContain('region-unknown');
    const period = runDgmi(['report', ...MINI, '--period', '1999', '--lang', 'en']);
    expect(period.status).toBe(2);
    expect(period.stderr).toContain("no period '1999' in the data; periods present: 2022");
  });

  it('maps tiers on a boundary file, listing regions without a feature', () => {
    const geo = join(dir, 'boundaries.geojson');
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    writeFileSync(
      geo,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'A', name: 'a' }, geometry: square(0) },
          { type: 'Feature', properties: { adcode: 'B' }, geometry: square(1) },
          { type: 'Feature', properties: { code: 'Q' }, geometry: square(2) },
        ],
      }),
    );
    const run = runDgmi(['report', ...MINI, '--map', geo, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('data-section="map"');
    expect(run.stdout).toContain('1 regions have no feature in the boundary file: 丙 (C)');
    // Three features drawn: A (rank 1, leading) and B (developing) in the default tier colours, Q (no region) grey.
    const map = run.stdout.match(/data-chart="map">[\s\S]*?<\/figure>/u)?.[0] ?? '';
    const fills = [...map.matchAll(/<path d="M[^"]*"[^>]*fill="(#[0-9a-f]{6})"/gu)].map((m) => m[1]);
    expect(fills.slice(0, 3)).toEqual(['#007a5a', '#0072b2', '#eeeeee']);
  });

  it('reports a broken boundary file at its line and column, with status 2 and nothing written', () => {
    const geo = join(dir, 'broken.geojson');
    writeFileSync(geo, '{\n  "type": "FeatureCollection",\n  "features": [,]\n}\n');
    const out = join(dir, 'never.html');
    const run = runDgmi(['report', ...MINI, '--map', geo, '--output', out, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/3:16 +error +The boundary file '.*broken\.geojson' is not valid JSON/u);
    expect(existsSync(out)).toBe(false);
    const notCollection = join(dir, 'feature.geojson');
    writeFileSync(notCollection, '{"type": "Feature"}');
    const wrong = runDgmi(['report', ...MINI, '--map', notCollection, '--lang', 'en']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('is not a GeoJSON FeatureCollection (found type "Feature")');
  });

  it('says what the analyses found: a region without a group is left out of the group figures', () => {
    const csv = join(dir, 'no-group.csv');
    writeFileSync(csv, readFileSync(join(projectRoot, 'test/fixtures/score/good.csv'), 'utf8').replace('C,丙,west,', 'C,丙,,'));
    const run = runDgmi(['report', 'test/fixtures/score/mini.yaml', csv, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('group-empty');
    expect(run.stdout).toContain('data-section="groups"');
  });

  describe('--sensitivity', () => {
    const spec = join(dir, 'sensitivity.json');
    const sensitivityRun = () => {
      if (existsSync(spec)) return;
      const run = runDgmi(['sensitivity', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--spec', 'samples/uncertainty.yaml', '--runs', '40', '--format', 'json', '--output', spec]);
      expect(run.status, run.stderr).toBe(0);
    };

    it('adds the section from `dgmi sensitivity --format json`: one error bar and one table row per province', () => {
      sensitivityRun();
      const run = runDgmi(['report', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--sensitivity', spec, '--cards', '0']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe(''); // same framework file and data: no provenance warning
      const section = run.stdout.slice(run.stdout.indexOf('<section class="report-section" id="sensitivity"'));
      expect(section.length).toBeLessThan(run.stdout.length);
      const chart = section.slice(section.indexOf('data-chart="sensitivity"'), section.indexOf('</figure>'));
      expect(chart.match(/ecmeta_series_index="0"/gu)).toHaveLength(31);
      const table = section.slice(section.indexOf('<table class="tier-probabilities">'), section.indexOf('</table>'));
      expect(table.match(/<tr>/gu)).toHaveLength(32); // header + 31 provinces
      // Each province's tier probabilities sum to 100% (up to the one-decimal rounding of four cells).
      const file = JSON.parse(readFileSync(spec, 'utf8')) as { results: { tier_probability: Record<string, number> }[] };
      for (const r of file.results) expect(Object.values(r.tier_probability).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    });

    it('rejects a file for another framework with status 2, at the framework id, writing nothing', () => {
      sensitivityRun();
      const out = join(dir, 'other-framework.html');
      const run = runDgmi(['report', ...MINI, '--sensitivity', spec, '--output', out, '--lang', 'en']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("is for framework 'cn-dgdi");
      expect(run.stderr).toContain('report-sensitivity-other-framework');
      expect(run.stderr).toContain(`${spec}\n  4:11  error`);
      expect(existsSync(out)).toBe(false);
    });

    it('warns when the file was computed from other data, and still writes the report', () => {
      sensitivityRun();
      const copy = join(dir, 'provinces-2022-edited.csv');
      writeFileSync(copy, `${readFileSync(join(projectRoot, 'samples/provinces-2022.csv'), 'utf8')}\n`);
      const run = runDgmi(['report', 'indicators/cn-dgdi.yaml', copy, '--sensitivity', spec, '--cards', '0', '--lang', 'en']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain("was computed from 1 data file(s) that are not among this report's inputs (first: 'samples/provinces-2022.csv')");
      expect(run.stdout).toContain('id="sensitivity"');
    });

    it('rejects a file without the reported period with status 2', () => {
      sensitivityRun();
      const run = runDgmi(['report', ...SAMPLE, '--period', '2021', '--sensitivity', spec, '--lang', 'en']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("has no results for period '2021' (it covers 2022)");
    });

    it('rejects a file that is not a sensitivity result, at the field, with status 2', () => {
      const bad = join(dir, 'bad-sensitivity.json');
      writeFileSync(bad, '{\n  "format": "dgmi-sensitivity-result/1",\n  "framework": 3\n}\n');
      const run = runDgmi(['report', ...MINI, '--sensitivity', bad, '--lang', 'en']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${bad}\n  3:16  error`);
      expect(run.stderr).toContain('at framework,');
    });
  });

  it('refuses to write over an input', () => {
    const run = runDgmi(['report', ...MINI, '--output', 'test/fixtures/score/good.csv', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refusing to write test/fixtures/score/good.csv');
  });

  it('rejects --cards that is not a whole number', () => {
    const run = runDgmi(['report', ...MINI, '--cards', '-1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected a whole number, 0 or more');
  });
});

describe('dgmi score --format html', () => {
  it('prints the same report to stdout', () => {
    const run = runDgmi(['score', ...MINI, '--format', 'html', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const report = runDgmi(['report', ...MINI, '--lang', 'en']);
    expect(run.stdout).toBe(report.stdout);
  });
});

describe('dgmi score --format xlsx', () => {
  it('writes the same workbook to a pipe as to --output (only a terminal is refused)', () => {
    const out = join(dir, 'piped-twin.xlsx');
    expect(runDgmi(['score', ...MINI, '--format', 'xlsx', '--output', out, '--lang', 'en']).status).toBe(0);
    const piped = spawnSync(process.execPath, [join(projectRoot, 'bin/dgmi.js'), 'score', ...MINI, '--format', 'xlsx', '--lang', 'en'], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(Buffer.compare(piped.stdout, readFileSync(out))).toBe(0);
  });

  it('writes identical bytes twice', () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    expect(runDgmi(['score', ...SAMPLE, '-f', 'xlsx', '-o', a]).status).toBe(0);
    expect(runDgmi(['score', ...SAMPLE, '-f', 'xlsx', '-o', b]).status).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('round-trips every number of --format json through the project XLSX reader', async () => {
    const out = join(dir, 'results.xlsx');
    const run = runDgmi(['score', ...SAMPLE, '-f', 'xlsx', '-o', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(runDgmi(['score', ...SAMPLE, '-f', 'json']).stdout) as {
      results: {
        region: string;
        period: string;
        score: number | null;
        rank: number | null;
        nodes: Record<string, { score: number | null; rank: number | null }>;
        indicators: Record<string, { value: number | null; normalised: number | null; imputed: boolean }>;
      }[];
    };
    const bytes = new Uint8Array(readFileSync(out));
    const sheet = async (name: string) => {
      const read = await readXlsxTable(bytes, out, { sheet: name });
      expect(read.diagnostics).toEqual([]);
      return read.table?.records.map((r) => r.fields) ?? [];
    };
    const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
    const results = await sheet('Results');
    expect(results).toHaveLength(62);
    const dimensions = ['organization', 'institution', 'capability', 'effect'];
    let compared = 0;
    json.results.forEach((r, i) => {
      const row = results[i] ?? [];
      expect([row[0], row[3]]).toEqual([r.region, r.period]);
      expect([number(row[4]), number(row[5])]).toEqual([r.score, r.rank]);
      expect(dimensions.map((_, d) => number(row[7 + d]))).toEqual(dimensions.map((id) => r.nodes[id]?.score ?? null));
      compared += 2 + dimensions.length;
    });
    // Each dimension sheet: score, rank, its sub-groups, then value / normalised / imputed per indicator in framework order.
    const loaded = await loadFramework(join(projectRoot, 'indicators/cn-dgdi.yaml'));
    const resolved = loaded.framework;
    if (!resolved) throw new Error('cn-dgdi did not load');
    const sheets = ['Organization', 'Institutions', 'Governance capability', 'Governance effect'];
    for (const [d, dimension] of resolved.dimensions.entries()) {
      const rows = await sheet(sheets[d] ?? '');
      const subGroups = resolved.groups.filter((g) => g.path[0] === dimension.id && g.id !== dimension.id).map((g) => g.id);
      const indicators = resolved.indicators.filter((i) => i.path[0] === dimension.id).map((i) => i.id);
      json.results.forEach((r, i) => {
        const row = rows[i] ?? [];
        expect([number(row[4]), number(row[5])]).toEqual([r.nodes[dimension.id]?.score ?? null, r.nodes[dimension.id]?.rank ?? null]);
        expect(subGroups.map((_, g) => number(row[6 + g]))).toEqual(subGroups.map((id) => r.nodes[id]?.score ?? null));
        const first = 6 + subGroups.length;
        expect(indicators.map((_, k) => [number(row[first + 3 * k]), number(row[first + 3 * k + 1]), row[first + 3 * k + 2]])).toEqual(
          indicators.map((id) => [r.indicators[id]?.value ?? null, r.indicators[id]?.normalised ?? null, r.indicators[id]?.imputed ? 'TRUE' : 'FALSE']),
        );
        compared += 2 + subGroups.length + 2 * indicators.length;
      });
    }
    // 62 rows × (2 + 4 on the results sheet, 4 × 2 dimension scores and ranks, 15 sub-groups, 2 × 45 indicator numbers).
    expect(compared).toBeGreaterThan(62 * 6);
  });
});

