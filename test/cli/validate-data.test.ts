import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const inFolder = (folder: string) =>
  readdirSync(new URL(folder, `file://${projectRoot}`))
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => `${folder}/${name}`);

const SAMPLES = [...inFolder('samples/2021'), 'samples/provinces-2022.csv'];
const BROKEN = 'test/fixtures/validate-data/broken';
const brokenArgs = ['validate', `${BROKEN}/framework.yaml`, '--data', ...inFolder(`${BROKEN}/submissions`)];

interface JsonReport {
  summary: { errors: number; warnings: number; regions?: { region: string; name: string; errors: number; warnings: number }[] };
  diagnostics: { code: string; severity: string; file: string; line: number | null; column: number | null }[];
}

describe('dgmi validate --data', () => {
  it('passes the samples against the default framework with exit 0, naming the regions with warnings', () => {
    const r = runDgmi(['validate', 'indicators/cn-dgdi.yaml', '--data', ...SAMPLES]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('By region:');
    expect(r.stdout).toMatch(/0 errors/u);
    const json = JSON.parse(runDgmi(['validate', 'indicators/cn-dgdi.yaml', '--data', ...SAMPLES, '--format', 'json']).stdout) as JsonReport;
    expect(json.summary.errors).toBe(0);
    // The 31 mainland divisions, each with rows in 2021 and 2022; none is missing.
    expect(json.summary.regions).toHaveLength(31);
    expect(json.diagnostics.map((d) => d.code).filter((c) => c !== 'value-missing')).toEqual([]);
  });

  it('fails broken submissions with exit 1 and a summary per region (stylish)', () => {
    const r = runDgmi(brokenArgs);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      [
        'By region:',
        '  浙江 (330000): 1 error',
        '  广西 (450000): 3 errors, 1 warning',
        '  四川 (510000): 1 error',
        '  浙将:          1 error',
        '  1 other region without problems',
      ].join('\n'),
    );
    expect(r.stdout).toContain('✖ 8 problems (6 errors, 2 warnings)');
  });

  it('says it in Chinese with --lang zh', () => {
    const r = runDgmi([...brokenArgs, '--lang', 'zh']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('按地区：');
    expect(r.stdout).toContain('广西（450000）： 3 个错误，1 个警告');
  });

  it('json: every finding with its file and line, and summary.regions', () => {
    const r = runDgmi([...brokenArgs, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary.regions?.find((x) => x.region === '450000')).toEqual({ region: '450000', name: '广西', errors: 3, warnings: 1, infos: 0 });
    const at = (file: string) => `${BROKEN}/${file}`;
    expect(report.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['region-required-missing', at('regions.csv'), 5, null], // 四川 is listed on line 5 and sent nothing
      ['region-not-listed', at('submissions/duplicates.csv'), 3, 1], // 浙将
      ['value-missing', at('submissions/guangxi.csv'), 2, null], // services, policy mean: a warning
      ['value-missing-fail', at('submissions/guangxi.csv'), 2, null], // portal, policy fail: an error
      ['value-out-of-range', at('submissions/guangxi.csv'), 2, 5], // 120 > 100
      ['cell-not-a-level', at('submissions/guangxi.csv'), 2, 6], // 试点点
      ['column-unknown', at('submissions/zhejiang.csv'), 1, 7], // 满意度
      ['row-duplicate', at('submissions/zhejiang.csv'), 2, null], // 浙江 after 330000
    ]);
  });

  it('github: one annotation per data finding, at its file, line and column', () => {
    const r = runDgmi([...brokenArgs, '--format', 'github']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // One line per finding: the 8 the json test lists (6 errors, 2 warnings).
    expect(lines).toHaveLength(8);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=test\/fixtures\/validate-data\/broken\/submissions\/guangxi\.csv,line=2,col=5,title=value-out-of-range::/u));
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=test\/fixtures\/validate-data\/broken\/submissions\/guangxi\.csv,line=2,title=value-missing::.*'mean'/u));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=test\/fixtures\/validate-data\/broken\/regions\.csv,line=5,title=region-required-missing::/u));
  });

  it('sarif: results point at the submission file and line; every input is an artifact', () => {
    const r = runDgmi([...brokenArgs, '--format', 'sarif']);
    expect(r.status).toBe(1);
    interface Location { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }
    const log = JSON.parse(r.stdout) as { runs: { artifacts: { location: { uri: string } }[]; results: { ruleId: string; level: string; locations: Location[] }[] }[] };
    const run = log.runs[0];
    const unlisted = run?.results.find((x) => x.ruleId === 'region-not-listed');
    expect(unlisted?.level).toBe('error');
    expect(unlisted?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: expect.objectContaining({ uri: `${BROKEN}/submissions/duplicates.csv` }) as unknown,
      region: { startLine: 3, startColumn: 1 },
    });
    expect(run?.artifacts.map((a) => a.location.uri)).toEqual([
      `${BROKEN}/framework.yaml`,
      `${BROKEN}/regions.csv`,
      ...inFolder(`${BROKEN}/submissions`),
    ]);
  });

  it('junit: one suite per file; a clean submission passes, a broken one fails per finding', () => {
    const r = runDgmi([...brokenArgs, '--format', 'junit']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`<testsuite name="${BROKEN}/submissions/jiangsu-long.csv" tests="1" failures="0" errors="0">`);
    // guangxi.csv: 4 findings, 3 of them errors (the missing value under `mean` is a warning).
    expect(r.stdout).toContain(`<testsuite name="${BROKEN}/submissions/guangxi.csv" tests="4" failures="3" errors="0">`);
    expect(r.stdout).toContain(`<testcase classname="${BROKEN}/submissions/guangxi.csv" name="2:5 value-out-of-range">`);
  });

  it('reports the region a framework’s own list requires and nobody sent', () => {
    const r = runDgmi(['validate', 'test/fixtures/validate-data/city-list/framework.yaml', '--data', 'test/fixtures/validate-data/city-list/submissions.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/test\/fixtures\/validate-data\/city-list\/cities\.csv\n\s+4\s+error\s+Region '330300' 温州市 has no row \(period '2023'\)/u);
    expect(r.stdout).toContain('温州市 (330300): 1 error');
    expect(r.stdout).toContain('2 other regions without problems');
  });

  it('--summary none leaves the per-region summary out', () => {
    const r = runDgmi([...brokenArgs, '--summary', 'none']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('By region');
    const json = JSON.parse(runDgmi([...brokenArgs, '--summary', 'none', '--format', 'json']).stdout) as JsonReport;
    expect(json.summary.regions).toBeUndefined();
  });

  it('exit 2 for a submission that cannot be read, and for --data with two frameworks', () => {
    const missing = runDgmi(['validate', 'indicators/cn-dgdi.yaml', '--data', 'no/such/file.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('File not found');
    const two = runDgmi(['validate', 'indicators/cn-dgdi.yaml', 'indicators/hdi.yaml', '--data', 'samples/provinces-2022.csv']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('--data checks submissions against one framework');
  });
});
