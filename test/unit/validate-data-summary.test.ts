import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingValueDiagnostics, summariseRegions } from '../../src/analyse/submission-summary.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../src/diagnostics/messages.js';
import type { LoadedFile } from '../../src/load/file.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import { cnProvincesReference } from '../../src/regions/region-reference.js';
import { missingRequiredRegions } from '../../src/regions/required-regions.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

/**
 * online_rate (reweight, the default), cdo (reweight), has_portal (fail), services (median):
 * one indicator per kind of policy that matters here.
 */
const framework = loadTestFramework({
  regions: 'cn-provinces',
  dimensions: [
    {
      id: 'service',
      name: { zh: '服务', en: 'Service' },
      indicators: [
        { id: 'online_rate', name: { zh: '网上办理率', en: 'Online rate' }, unit: 'percent', range: [0, 100] },
        { id: 'cdo', name: { zh: '首席数据官制度', en: 'Chief data officer' }, levels: { 未建立: 0, 试点: 1, 全面推行: 2 } },
        { id: 'has_portal', name: { zh: '统一门户', en: 'Unified portal' }, unit: 'boolean', missing: 'fail' },
        { id: 'services', name: { zh: '服务事项数', en: 'Services' }, missing: 'median' },
      ],
    },
  ],
});
const HEADER = 'region,name,group,period,online_rate,cdo,has_portal,services';

function file(path: string, content: string): LoadedFile {
  const bytes = new TextEncoder().encode(content);
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Load, then check missing values, as `dgmi validate --data` does. */
async function check(...files: LoadedFile[]) {
  const loaded = await parseSubmissions(framework, files, { trackRowLines: true });
  const rowLines = loaded.rowLines ?? new Map();
  if (!loaded.dataset) throw new Error(JSON.stringify(loaded.diagnostics));
  const missing = missingValueDiagnostics(framework, loaded.dataset, loaded.diagnostics, rowLines);
  return { loaded, rowLines, dataset: loaded.dataset, missing };
}

const brief = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.args['indicator'], d.args['policy']]);

describe('missingValueDiagnostics', () => {
  it('follows each indicator’s policy: an error under fail, a warning naming the policy otherwise', async () => {
    const { missing } = await check(file('gx.csv', `${HEADER}\n广西,,,2022,,NA,,—\n`));
    expect(brief(missing)).toEqual([
      ['value-missing', 'warning', 'gx.csv', 2, 'online_rate', 'reweight'],
      ['value-missing', 'warning', 'gx.csv', 2, 'cdo', 'reweight'],
      ['value-missing-fail', 'error', 'gx.csv', 2, 'has_portal', undefined],
      ['value-missing', 'warning', 'gx.csv', 2, 'services', 'median'],
    ]);
    expect(missing[0]?.args).toMatchObject({ region: '450000', period: '2022' });
    expect(missing[0]?.message).toContain("its missing policy is 'reweight'");
    expect(missing[3]?.message).toContain("the score would impute the period's median");
  });

  it('does not report a rejected cell again as missing (wide and long)', async () => {
    const wide = await check(file('w.csv', `${HEADER}\n浙江,,,2022,abc,试点,是,1\n`));
    expect(wide.loaded.diagnostics.map((d) => d.code)).toEqual(['cell-not-a-number']);
    expect(wide.missing).toEqual([]);
    // The bad value is on line 3, the row's first line is 2: the line map ties them together.
    const long = await check(file('l.csv', 'region,period,indicator,value\n浙,2022,online_rate,90\n浙,2022,cdo,试点点\n浙,2022,has_portal,是\n浙,2022,services,5\n'));
    expect(long.loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([['cell-not-a-level', 3]]);
    expect(long.missing).toEqual([]);
  });

  it('says nothing about the values of a row whose fields could not be matched to columns', async () => {
    const { loaded, missing } = await check(file('r.csv', `${HEADER}\n浙江,,,2022,90,试点\n`));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['csv-field-count']);
    expect(missing).toEqual([]);
  });

  it('reports a long file’s absent lines as missing, at the row’s first line', async () => {
    const { missing } = await check(file('l.csv', 'region,period,indicator,value\n浙,2022,online_rate,90\n浙,2022,cdo,试点\n浙,2022,has_portal,是\n京,2022,online_rate,80\n京,2022,cdo,试点\n京,2022,has_portal,否\n京,2022,services,2\n'));
    expect(brief(missing)).toEqual([['value-missing', 'warning', 'l.csv', 2, 'services', 'median']]);
  });

  it('lists at most maxPerFile findings per file and counts the rest', async () => {
    const loaded = await parseSubmissions(framework, [file('gx.csv', `${HEADER}\n广西,,,2022,,,,\n`)], { trackRowLines: true });
    const dataset = loaded.dataset as Dataset;
    const missing = missingValueDiagnostics(framework, dataset, loaded.diagnostics, loaded.rowLines ?? new Map(), 3);
    expect(missing.map((d) => d.code)).toEqual(['value-missing', 'value-missing', 'value-missing-fail', 'value-missing-truncated']);
    expect(missing[3]?.args).toMatchObject({ path: 'gx.csv', count: 1 }); // 4 missing cells − 3 listed
  });

  it('finds exactly the empty cells of any table of present and empty values (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (present) => {
        const codes = ['110000', '120000', '130000', '140000', '150000', '210000'];
        const rows = present.map((cells, i) => `${codes[i]},,,2022,${cells.map((p, j) => (p ? ['50', '试点', '是', '7'][j] : '')).join(',')}`);
        const { missing } = await check(file('p.csv', `${HEADER}\n${rows.join('\n')}\n`));
        const expected = present.flatMap((cells, i) => cells.flatMap((p, j) => (p ? [] : [[i + 2, framework.indicators[j]?.id]])));
        expect(missing.map((d) => [d.line, d.args['indicator']])).toEqual(expected);
      }),
    );
  });
});

describe('missingRequiredRegions', () => {
  it('names every mainland province without a row, per period present, at the framework’s regions:', async () => {
    const { dataset } = await check(
      file('a.csv', `${HEADER}\n${cnProvincesReference().regions.filter((r) => r.isRequired && r.code !== '450000').map((r) => `${r.code},,,2022,1,试点,是,1`).join('\n')}\n`),
      file('b.csv', `${HEADER}\n110000,,,2021,1,试点,是,1\n`),
    );
    const missing = missingRequiredRegions(cnProvincesReference(), dataset, { file: 'f.yaml', path: ['regions'] });
    // 2022: the 31 mainland divisions but 广西 → 1 missing; 2021: only 北京 → 30 missing. HK, Macao, Taiwan are never required.
    expect(missing).toHaveLength(31);
    expect(missing[0]).toMatchObject({ code: 'region-required-missing', severity: 'error', file: 'f.yaml', path: ['regions'], args: { region: '450000', name: '广西', period: '2022', list: 'cn-provinces' } });
    expect(missing.slice(1).every((d) => d.args['period'] === '2021')).toBe(true);
    expect(missing.map((d) => d.args['region'])).not.toContain('810000');
  });
});

describe('summariseRegions', () => {
  it('counts each finding for the region of its line, or of its region argument; file-level findings for none', async () => {
    const { loaded, rowLines, dataset, missing } = await check(
      file('gx.csv', `${HEADER}\n广西,,,2022,120,试点点,,\n`),
      file('zj.csv', `${HEADER},extra\n浙江,,,2022,90,试点,是,1,x\n`),
    );
    const required = [makeDiagnostic('region-required-missing', { region: '510000', name: '四川', period: '2022', list: 'cn-provinces' }, { file: 'f.yaml' })];
    const all = [...loaded.diagnostics, ...missing, ...required];
    const reference = cnProvincesReference();
    const summary = summariseRegions(all, rowLines, dataset, reference);
    // 广西: 120 out of range, 试点点 not a level, has_portal missing under fail = 3 errors; services missing under median = 1 warning.
    expect(summary.find((r) => r.region === '450000')).toEqual({ region: '450000', name: '广西', errors: 3, warnings: 1, infos: 0 });
    // 浙江's unknown column is about the file, not the region.
    expect(summary.find((r) => r.region === '330000')).toEqual({ region: '330000', name: '浙江', errors: 0, warnings: 0, infos: 0 });
    expect(summary.find((r) => r.region === '510000')).toEqual({ region: '510000', name: '四川', errors: 1, warnings: 0, infos: 0 });
    // Every required province is listed (31), sorted by code.
    expect(summary).toHaveLength(31);
    expect(summary.map((r) => r.region)).toEqual([...summary.map((r) => r.region)].sort());
  });

  it('lists only the data’s regions without a reference', async () => {
    const { loaded, rowLines, dataset } = await check(file('gx.csv', `${HEADER}\n广西,,,2022,1,试点,是,1\n`));
    expect(summariseRegions(loaded.diagnostics, rowLines, dataset)).toEqual([{ region: '450000', name: '广西', errors: 0, warnings: 0, infos: 0 }]);
  });
});
