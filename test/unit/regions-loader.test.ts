import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadFramework } from '../../src/load/framework.js';
import type { LoadedFile } from '../../src/load/file.js';
import { loadRegionReference, loadSubmissions, parseSubmissions } from '../../src/load/submissions.js';
import { CN_PROVINCES } from '../../src/regions/cn-provinces.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

/** The load-test framework (online_rate, cdo, has_portal, services) naming the built-in province table. */
const provincial = loadTestFramework({ regions: 'cn-provinces' });
const freeForm = loadTestFramework();
const HEADER = 'region,name,group,period,online_rate,cdo,has_portal,services';
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/validate-data/${path}`, import.meta.url));

function file(path: string, content: string): LoadedFile {
  const bytes = new TextEncoder().encode(content);
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const located = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.file, d.line, d.column]);

describe('submissions naming provinces (regions: cn-provinces)', () => {
  it('reads 浙江 as 330000 and fills the empty name and group from the table', async () => {
    const { dataset, diagnostics } = await parseSubmissions(provincial, [file('zj.csv', `${HEADER}\n浙江,,,2022,90,试点,是,100\n`)]);
    expect(diagnostics).toEqual([]);
    expect(dataset?.region).toEqual(['330000']);
    expect(dataset?.name).toEqual(['浙江']);
    expect(dataset?.group).toEqual(['east']);
    expect([...(dataset?.excluded ?? [])]).toEqual([0]);
  });

  it('reads the same dataset whichever of its names each row gives a province by (property)', async () => {
    const spellings = (p: (typeof CN_PROVINCES)[number]) => [p.code, p.full, p.short, ...p.abbreviations, ...p.en];
    const row = (region: string, i: number) => `${region},,,2022,${i},试点,是,${i}`;
    const read = async (regions: readonly string[]) => await parseSubmissions(provincial, [file('p.csv', `${HEADER}\n${regions.map(row).join('\n')}\n`)]);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...CN_PROVINCES], { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), async (chosen, picks) => {
        const written = chosen.map((p) => {
          const names = spellings(p);
          return names[picks.next().value % names.length] ?? p.code;
        });
        const byCode = await read(chosen.map((p) => p.code));
        const byName = await read(written);
        expect(byName.diagnostics).toEqual([]);
        expect([byName.dataset?.region, byName.dataset?.name, byName.dataset?.group]).toEqual([byCode.dataset?.region, byCode.dataset?.name, byCode.dataset?.group]);
      }),
    );
  });

  it('keeps a name and group the submission gives', async () => {
    const { dataset } = await parseSubmissions(provincial, [file('zj.csv', `${HEADER}\n浙江省,浙江省人民政府,华东,2022,90,试点,是,100\n`)]);
    expect([dataset?.region, dataset?.name, dataset?.group]).toEqual([['330000'], ['浙江省人民政府'], ['华东']]);
  });

  it('takes one region written two ways (浙江 and 330000) for the same row: a duplicate naming both places', async () => {
    const { dataset, diagnostics } = await parseSubmissions(provincial, [
      file('a.csv', `${HEADER}\n浙江,,,2022,90,试点,是,100\n`),
      file('b.csv', `${HEADER}\n330000,,,2022,91,试点,是,100\n`),
    ]);
    expect(located(diagnostics)).toEqual([['row-duplicate', 'b.csv', 2, undefined]]);
    expect(diagnostics[0]?.args).toMatchObject({ region: '330000', first: 'a.csv:2', second: 'b.csv:2' });
    // Which of the two is right cannot be told: the kept row is left unscored.
    expect(dataset?.region).toEqual(['330000']);
    expect([...(dataset?.excluded ?? [])]).toEqual([1]);
  });

  it('reports a misspelt province at its cell with a "did you mean", and keeps the row unscored as written', async () => {
    const { dataset, diagnostics } = await parseSubmissions(provincial, [file('x.csv', `${HEADER}\n浙将,,,2022,90,试点,是,100\n110000,,,2022,80,试点,是,100\n`)]);
    expect(located(diagnostics)).toEqual([['region-not-listed', 'x.csv', 2, 1]]);
    expect(diagnostics[0]?.args).toMatchObject({ text: '浙将', list: 'cn-provinces', suggestion: '浙江', suggestionCode: '330000' });
    expect(dataset?.region).toEqual(['浙将', '110000']);
    expect([...(dataset?.excluded ?? [])]).toEqual([1, 0]);
  });

  it('reports an unknown region of a long file once, not on every line', async () => {
    const long = 'region,period,indicator,value\n999999,2022,online_rate,90\n999999,2022,cdo,试点\n999999,2022,has_portal,是\n999999,2022,services,1\n';
    const { diagnostics } = await parseSubmissions(provincial, [file('long.csv', long)]);
    expect(located(diagnostics)).toEqual([['region-not-listed', 'long.csv', 2, 1]]);
  });

  it('reads a file with a name column (地区) but no code column by name', async () => {
    const { dataset, diagnostics } = await parseSubmissions(provincial, [file('gx.csv', '地区,年份,online_rate,cdo,has_portal,services\n广西,2022,70,未建立,否,10\n')]);
    expect(diagnostics).toEqual([]);
    expect([dataset?.region, dataset?.name, dataset?.group, dataset?.period]).toEqual([['450000'], ['广西'], ['west'], ['2022']]);
  });

  it('leaves regions free-form without a regions declaration (as before)', async () => {
    const { dataset, diagnostics } = await parseSubmissions(freeForm, [file('zj.csv', `${HEADER}\n浙江,,,2022,90,试点,是,100\n`)]);
    expect(diagnostics).toEqual([]);
    expect([dataset?.region, dataset?.name, dataset?.group]).toEqual([['浙江'], [''], ['']]);
    const noCode = await parseSubmissions(freeForm, [file('gx.csv', '地区,online_rate\n广西,70\n')]);
    expect(noCode.diagnostics.map((d) => d.code)).toContain('column-region-missing');
  });

  it('with regions: null, stays free-form even though the framework declares a list', async () => {
    const { dataset } = await parseSubmissions(provincial, [file('zj.csv', `${HEADER}\n浙江,,,2022,90,试点,是,100\n`)], { regions: null });
    expect(dataset?.region).toEqual(['浙江']);
  });

  it('maps every data line to its (region, period) row when asked, long files included', async () => {
    const long = 'region,period,indicator,value\n浙,2022,online_rate,90\n浙,2022,cdo,试点\n京,2021,services,3\n';
    const { rowLines } = await parseSubmissions(provincial, [file('long.csv', long)], { trackRowLines: true });
    const lines = rowLines?.get('long.csv');
    expect([lines?.[1], lines?.[2], lines?.[3], lines?.[4]]).toEqual([
      undefined,
      { region: '330000', period: '2022' },
      { region: '330000', period: '2022' },
      { region: '110000', period: '2021' },
    ]);
    expect((await parseSubmissions(provincial, [file('long.csv', long)])).rowLines).toBeUndefined();
  });
});

describe('a framework’s own region list (regions: cities.csv)', () => {
  it('is read from next to the framework file and canonicalises city names', async () => {
    const loaded = await loadFramework(fixture('city-list/framework.yaml'));
    const framework = loaded.framework;
    if (!framework) throw new Error(JSON.stringify(loaded.diagnostics));
    expect(framework.regions).toEqual({ kind: 'file', path: 'cities.csv', file: fixture('city-list/cities.csv') });
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('city-list/submissions.csv')]);
    expect(diagnostics).toEqual([]);
    expect([dataset?.region, dataset?.name, dataset?.group]).toEqual([
      ['330100', '330200'],
      ['杭州市', '宁波市'],
      ['capital', 'coastal'],
    ]);
  });

  it('a list that cannot be read is a diagnostic; the rows are then read as free-form codes', async () => {
    const framework = loadTestFramework({ regions: 'nowhere.csv' });
    const list = await loadRegionReference(framework);
    expect(list.reference).toBeUndefined();
    expect(list.diagnostics.map((d) => [d.code, d.file])).toEqual([['file-not-found', 'nowhere.csv']]);
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('city-list/submissions.csv')]);
    expect(diagnostics.map((d) => d.code)).toContain('file-not-found');
    expect(dataset?.region).toEqual(['杭州', '宁波市']);
  });

  it('an unknown built-in table name is an error with a suggestion, located at regions:', async () => {
    const framework = loadTestFramework({ regions: 'cn-province' });
    const { diagnostics } = await loadRegionReference(framework);
    expect(diagnostics.map((d) => [d.code, d.path, d.args['suggestion']])).toEqual([['regions-unknown-table', ['regions'], 'cn-provinces']]);
  });
});
