/**
 * `--detail` and `--format ndjson` on the hand-built fixture table (numbers explained in
 * results-format-fixture.ts). NDJSON lines are checked against the JSON document, which has its
 * own hand-computed tests: a line must be the document's result with the same keys in the same
 * order, for every detail level, period and top.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../../src/report/palette.js';
import { formatCsv } from '../../src/report/results/csv.js';
import { RESULT_DETAILS, type ResultDetail } from '../../src/report/results/detail.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { formatJson } from '../../src/report/results/json.js';
import { formatNdjson, ndjsonResultChunks } from '../../src/report/results/ndjson.js';
import { fixtureTable } from './results-format-fixture.js';

const en: ResultFormatOptions = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' };

type Json = Record<string, unknown>;

function lines(text: string): Json[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Json);
}

describe('--detail in --format json', () => {
  it('summary leaves out nodes and indicators; groups leaves out indicators; the text stays JSON.stringify(…, null, 2)', () => {
    for (const [detail, keys] of [
      ['summary', ['region', 'name', 'group', 'period', 'score', 'rank', 'tier']],
      ['groups', ['region', 'name', 'group', 'period', 'score', 'rank', 'tier', 'nodes']],
      ['indicators', ['region', 'name', 'group', 'period', 'score', 'rank', 'tier', 'nodes', 'indicators']],
    ] as const) {
      const text = formatJson(fixtureTable(), { ...en, detail });
      const doc = JSON.parse(text) as { results: Json[] };
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      for (const result of doc.results) expect(Object.keys(result)).toEqual(keys);
    }
  });

  it('the default is indicators: byte-identical to --detail indicators', () => {
    expect(formatJson(fixtureTable(), en)).toBe(formatJson(fixtureTable(), { ...en, detail: 'indicators' }));
  });

  it('groups carries the hand-computed group scores: 上海 2022 organization 90, contribution 90 × 0.5 = 45', () => {
    const doc = JSON.parse(formatJson(fixtureTable(), { ...en, detail: 'groups', period: '2022', top: 1 })) as { results: Json[] };
    expect(doc.results).toEqual([
      {
        region: '310000',
        name: '上海',
        group: 'east',
        period: '2022',
        score: 85,
        rank: 1,
        tier: 'leading',
        nodes: {
          organization: { score: 90, rank: 1, contribution: 45 },
          org_core: { score: 90, rank: 1, contribution: 45 },
          service: { score: 80, rank: 2, contribution: 40 },
        },
      },
    ]);
  });
});

describe('--format ndjson', () => {
  it('one line per result, equal (keys in order) to the JSON document results, then the trailer', () => {
    for (const detail of RESULT_DETAILS) {
      const doc = JSON.parse(formatJson(fixtureTable(), { ...en, detail })) as Json & { results: Json[] };
      const parsed = lines(formatNdjson(fixtureTable(), { ...en, detail }));
      expect(parsed).toHaveLength(doc.results.length + 1);
      parsed.slice(0, -1).forEach((line, i) => {
        expect(line).toEqual(doc.results[i]);
        expect(JSON.stringify(line)).toBe(JSON.stringify(doc.results[i]));
      });
      const { results: _results, ...rest } = doc;
      expect(parsed.at(-1)).toEqual(rest);
      expect(Object.keys(parsed.at(-1) ?? {})).toEqual(['format', 'framework', 'inputs', 'scale', 'diagnostics']);
    }
  });

  it('writes no value as null (unscored 四川: score, rank, tier; its missing service) and the imputed flag', () => {
    const parsed = lines(formatNdjson(fixtureTable(), { ...en, period: '2022' }));
    const sichuan = parsed[3] as Json & { nodes: Record<string, Json>; indicators: Record<string, Json> };
    expect(sichuan['region']).toBe('510000');
    expect([sichuan['score'], sichuan['rank'], sichuan['tier']]).toEqual([null, null, null]);
    expect(sichuan.nodes['service']).toEqual({ score: null, rank: null, contribution: null });
    // cdo = org / 50 = 40 / 50 = 0.8, normalised = org = 40.
    expect(sichuan.indicators['cdo']).toEqual({ value: 0.8, normalised: 40, imputed: false });
    const beijing2021 = lines(formatNdjson(fixtureTable(), { ...en, period: '2021', top: 1 }))[0] as Json & { indicators: Record<string, Json> };
    // 北京 2021's cdo was imputed: 90 / 50 = 1.8.
    expect(beijing2021.indicators['cdo']).toEqual({ value: 1.8, normalised: 90, imputed: true });
  });

  it('streams: chunks concatenate to the whole text, and the last chunk is the trailer alone', () => {
    const decoder = new TextDecoder();
    const chunks = [...ndjsonResultChunks(fixtureTable(), en)].map((c) => (typeof c === 'string' ? c : decoder.decode(c)));
    expect(chunks.join('')).toBe(formatNdjson(fixtureTable(), en));
    expect(chunks.at(-1)?.startsWith('{"format":"dgmi-result/1"')).toBe(true);
    expect(chunks.at(-1)?.split('\n')).toHaveLength(2);
  });

  it('holds for any --period, --top and --detail (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<string | undefined>(undefined, '2021', '2022'), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), fc.constantFrom<ResultDetail>(...RESULT_DETAILS), (period, top, detail) => {
        const options = { ...en, period, top, detail };
        const doc = JSON.parse(formatJson(fixtureTable(), options)) as { results: Json[] };
        expect(lines(formatNdjson(fixtureTable(), options)).slice(0, -1)).toEqual(doc.results);
      }),
    );
  });
});

describe('--detail in --format csv', () => {
  it('summary drops the group columns', () => {
    const text = formatCsv(fixtureTable(), { ...en, detail: 'summary', period: '2022', top: 1 });
    expect(text).toBe('period,rank,region,name,group,score,tier,tier_name\r\n2022,1,310000,上海,east,85,leading,Leading\r\n');
  });

  it('groups is the default, byte for byte', () => {
    expect(formatCsv(fixtureTable(), { ...en, detail: 'groups' })).toBe(formatCsv(fixtureTable(), en));
  });

  it('indicators adds value, normalised and imputed per indicator after the groups', () => {
    // 北京 2021: org 90 → cdo value 90 / 50 = 1.8, normalised 90, imputed; service 80 → online_rate 80, 80.
    // 四川 2022: service missing → empty online_rate cells, imputed false.
    const text = formatCsv(fixtureTable(), { ...en, detail: 'indicators' });
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(
      'period,rank,region,name,group,score,tier,tier_name,organization,service,org_core,cdo.value,cdo.normalised,cdo.imputed,online_rate.value,online_rate.normalised,online_rate.imputed',
    );
    expect(rows[1]).toBe('2021,1,110000,北京,east,85,leading,Leading,90,80,90,1.8,90,true,80,80,false');
    expect(rows[7]).toBe('2022,,510000,四川,west,,,,40,,40,0.8,40,false,,,false');
  });
});
