import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../../src/report/palette.js';
import { csvNumberCell, csvResultChunks, csvTextCell, formatCsv } from '../../src/report/results/csv.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { fixtureTable } from './results-format-fixture.js';

const en: ResultFormatOptions = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' };

describe('formatCsv', () => {
  it('writes every selected row in reporting order, unrounded, with CRLF line ends', () => {
    // Columns: period, rank, region, name, group, score, tier, tier_name, the dimensions
    // (organization, service), then the sub-group org_core. The X01 name `=HYPERLINK("x")` is
    // defused to `'=HYPERLINK("x")` and, holding quotes, quoted with the quotes doubled.
    // 200/3 prints as 66.66666666666667 and (60 + 200/3)/2 as 63.333333333333336 (unrounded);
    // the unscored 四川 row has empty rank, score, tier and service cells; -1.5 is a number and
    // keeps its minus sign.
    const expected = [
      'period,rank,region,name,group,score,tier,tier_name,organization,service,org_core',
      '2021,1,110000,北京,east,85,leading,Leading,90,80,90',
      '2021,2,310000,上海,east,75,developing,Developing,80,70,80',
      `2021,3,X01,"'=HYPERLINK(""x"")",,24.25,developing,Developing,-1.5,50,-1.5`,
      '2022,1,310000,上海,east,85,leading,Leading,90,80,90',
      '2022,2,110000,北京,east,80,developing,Developing,70,90,70',
      `2022,3,X01,"'=HYPERLINK(""x"")",,63.333333333333336,developing,Developing,60,66.66666666666667,60`,
      '2022,,510000,四川,west,,,,40,,40',
      '',
    ].join('\r\n');
    expect(formatCsv(fixtureTable(), en)).toBe(expected);
  });

  it('localizes tier_name only, prepends a BOM on request, and honours --period and --top', () => {
    const text = formatCsv(fixtureTable(), { ...en, lang: 'zh', bom: true, period: '2022', top: 2 });
    expect(text).toBe(
      '\uFEFFperiod,rank,region,name,group,score,tier,tier_name,organization,service,org_core\r\n' +
        '2022,1,310000,上海,east,85,leading,引领型,90,80,90\r\n' +
        '2022,2,110000,北京,east,80,developing,发展型,70,90,70\r\n',
    );
  });

  it('streams the same bytes as the one string, BOM included (what the CLI writes)', () => {
    for (const options of [en, { ...en, lang: 'zh', bom: true }, { ...en, period: '2022', top: 1 }] as const) {
      const chunks = [...csvResultChunks(fixtureTable(), options)];
      expect(Buffer.concat(chunks)).toEqual(Buffer.from(formatCsv(fixtureTable(), options), 'utf8'));
    }
    expect([...csvResultChunks(fixtureTable(), { ...en, bom: true })][0]?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('defuses every formula trigger in submitted text and quotes what needs quoting', () => {
    const names = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a,b', 'say "hi"', 'line\nbreak'];
    expect(names.map(csvTextCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`, // CR both triggers the prefix and needs quotes
      '"a,b"',
      '"say ""hi"""',
      '"line\nbreak"',
    ]);
    // Numbers we write are never defused.
    expect([-1.5, 0, NaN, Infinity, 1e-7].map(csvNumberCell)).toEqual(['-1.5', '0', '', '', '1e-7']);
  });

  it('applies the defusing to region, group and period cells too', () => {
    const table = fixtureTable({ group: ['-east', 'east', 'west', '', 'east', 'east', ''], period: ['@22', '@22', '@22', '@22', '2021', '2021', '2021'] });
    const lines = formatCsv(table, { ...en, period: '@22', top: 1 }).split('\r\n');
    expect(lines[1]).toBe("'@22,1,310000,上海,'-east,85,leading,Leading,90,80,90");
  });

  it('reads back to the same text and numbers (property: any names, any scores)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', "'") });
    fc.assert(
      fc.property(fc.array(text, { minLength: 7, maxLength: 7 }), fc.array(fc.double(), { minLength: 7, maxLength: 7 }), (names, scores) => {
        const base = fixtureTable({ name: names });
        const table = { ...base, composite: { ...base.composite, score: Float64Array.from(scores) } };
        const records: string[][] = parse(formatCsv(table, en), { relax_column_count: false });
        expect(records).toHaveLength(8);
        for (let k = 0; k < 7; k++) {
          const row = table.order[k] ?? 0;
          const cells = records[k + 1] ?? [];
          const name = names[row] ?? '';
          // A defused cell reads back with one leading ' that the original did not have.
          expect(cells[3]).toBe(/^[=+\-@\t\r]/u.test(name) ? `'${name}` : name);
          const score = scores[row] ?? NaN;
          if (Number.isFinite(score)) expect(Object.is(Number(cells[5]), score === 0 ? 0 : score)).toBe(true);
          else expect(cells[5]).toBe('');
        }
      }),
    );
  });
});
