import { describe, expect, it } from 'vitest';
import { choosePeriod, lookupRegions, matchKey, shortName } from '../../src/analyse/region-lookup.js';

const provinces = {
  region: ['330000', '320000', '450000', '110000', '330000'],
  name: ['浙江', '江苏省', '广西壮族自治区', 'Beijing', '浙江'],
};

describe('matchKey and shortName', () => {
  it('folds width and case', () => {
    expect(matchKey('  ＢＥＩＪＩＮＧ ')).toBe('beijing');
    expect(matchKey('３３００００')).toBe('330000');
  });

  it('drops administrative suffixes, longest first, keeping at least two characters', () => {
    expect(shortName('浙江省')).toBe('浙江');
    expect(shortName('广西壮族自治区')).toBe('广西');
    expect(shortName('北京市')).toBe('北京');
    expect(shortName('Zhejiang Province')).toBe('zhejiang');
    expect(shortName('新区')).toBe('新区');
  });
});

describe('lookupRegions', () => {
  it('matches codes, full names and short names either way round', () => {
    const found = lookupRegions(provinces, ['330000', '江苏', '浙江省', '广西', 'beijing']);
    expect(found.diagnostics).toEqual([]);
    // 330000 and 浙江省 are the same region: listed once, where first asked for.
    expect(found.regions).toEqual(['330000', '320000', '450000', '110000']);
  });

  it('matches full-width codes', () => {
    expect(lookupRegions(provinces, ['３２００００']).regions).toEqual(['320000']);
  });

  it('reports an unknown name with the nearest one and the list of regions', () => {
    const found = lookupRegions(provinces, ['浙姜']);
    expect(found.regions).toEqual([]);
    expect(found.diagnostics.map((d) => d.code)).toEqual(['region-unknown']);
    const [d] = found.diagnostics;
    expect(d?.args['suggestion']).toBe('浙江');
    expect(d?.file).toBe('--regions');
    expect(d?.path).toEqual(['--regions', 0]);
    expect(String(d?.args['known'])).toContain('浙江 (330000)');
    expect(d?.message).toContain("did you mean '浙江'?");
  });

  it('suggests a code for a mistyped code', () => {
    const [d] = lookupRegions(provinces, ['330001']).diagnostics;
    expect(d?.args['suggestion']).toBe('330000');
  });

  it('makes no suggestion when nothing is close', () => {
    const [d] = lookupRegions(provinces, ['xyzzy']).diagnostics;
    expect(d?.code).toBe('region-unknown');
    expect(d?.args['suggestion']).toBeNull();
  });

  it('reports a short name shared by two regions as ambiguous', () => {
    const found = lookupRegions({ region: ['a1', 'a2'], name: ['朝阳区', '朝阳县'] }, ['朝阳']);
    expect(found.diagnostics.map((d) => d.code)).toEqual(['region-ambiguous']);
    expect(found.diagnostics[0]?.args['matches']).toBe('朝阳区 (a1), 朝阳县 (a2)');
    // The full name is exact and wins over the short-name match.
    expect(lookupRegions({ region: ['a1', 'a2'], name: ['朝阳区', '朝阳县'] }, ['朝阳县']).regions).toEqual(['a2']);
  });
});

describe('choosePeriod', () => {
  it('takes the latest when none is asked for', () => {
    expect(choosePeriod(['2020', '2021', '2022'], undefined)).toEqual({ period: '2022', diagnostics: [] });
  });

  it('takes a period that exists', () => {
    expect(choosePeriod(['2021', '2022'], '2021').period).toBe('2021');
  });

  it('reports one that does not, with the periods present', () => {
    const choice = choosePeriod(['2021', '2022'], '2019', '--from');
    expect(choice.period).toBeUndefined();
    expect(choice.diagnostics.map((d) => d.code)).toEqual(['period-unknown']);
    expect(choice.diagnostics[0]?.file).toBe('--from');
    expect(choice.diagnostics[0]?.args['known']).toBe('2021, 2022');
  });
});
