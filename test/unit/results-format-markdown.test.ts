import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../../src/report/palette.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { formatMarkdown, markdownCell } from '../../src/report/results/markdown.js';
import { fixtureTable } from './results-format-fixture.js';

const en: ResultFormatOptions = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' };

describe('formatMarkdown', () => {
  it('prints one GFM table per period, scores to 2 decimals, then the provenance line (en)', () => {
    // 24.25 → "24.25"; -1.5 → "-1.50"; 63.333333333333336 → "63.33"; 200/3 → "66.67".
    // X01 has no group: an empty cell. 四川 is unscored: — for rank, score, tier and service.
    // The provenance line has the first 12 hex digits of the framework sha256.
    expect(formatMarkdown(fixtureTable(), en)).toBe(
      [
        '## 2021 — China Digital Government Development Index',
        '',
        '| Rank | Region | Group | Score | Tier | Organization | Service |',
        '| ---: | :--- | :--- | ---: | :--- | ---: | ---: |',
        '| 1 | 北京 (110000) | East | 85.00 | Leading | 90.00 | 80.00 |',
        '| 2 | 上海 (310000) | East | 75.00 | Developing | 80.00 | 70.00 |',
        '| 3 | =HYPERLINK("x") (X01) |  | 24.25 | Developing | -1.50 | 50.00 |',
        '',
        '## 2022 — China Digital Government Development Index',
        '',
        '| Rank | Region | Group | Score | Tier | Organization | Service |',
        '| ---: | :--- | :--- | ---: | :--- | ---: | ---: |',
        '| 1 | 上海 (310000) | East | 85.00 | Leading | 90.00 | 80.00 |',
        '| 2 | 北京 (110000) | East | 80.00 | Developing | 70.00 | 90.00 |',
        '| 3 | =HYPERLINK("x") (X01) |  | 63.33 | Developing | 60.00 | 66.67 |',
        '| — | 四川 (510000) | West | — | — | 40.00 | — |',
        '',
        'Framework cn-dgdi, version 2024, sha256 0123456789ab (dgmi 0.1.0)',
        '',
      ].join('\n'),
    );
  });

  it('localizes headers, tier and dimension names under zh, and honours --period and --top', () => {
    expect(formatMarkdown(fixtureTable(), { ...en, lang: 'zh', period: '2022', top: 1 })).toBe(
      [
        '## 2022 — 中国数字政府发展指数',
        '',
        '| 排名 | 地区 | 分组 | 得分 | 等级 | 组织机构 | 政务服务 |',
        '| ---: | :--- | :--- | ---: | :--- | ---: | ---: |',
        '| 1 | 上海 (310000) | 东部 | 85.00 | 引领型 | 90.00 | 80.00 |',
        '',
        '指标框架 cn-dgdi，版本 2024，sha256 0123456789ab（dgmi 0.1.0）',
        '',
      ].join('\n'),
    );
  });

  it('escapes pipes and backslashes and flattens line breaks, so a cell cannot end early', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('a\\|b')).toBe('a\\\\\\|b'); // \ → \\ and | → \|
    expect(markdownCell('one\ntwo\r\nthree')).toBe('one two three');
    const names = ['上|海', '北京', '四川', 'x', '上|海', '北京', 'x'];
    const text = formatMarkdown(fixtureTable({ name: names }), { ...en, period: '2022', top: 1 });
    expect(text).toContain('| 1 | 上\\|海 (310000) | East | 85.00 | Leading | 90.00 | 80.00 |');
  });

  it('writes <, > and & as entities, so a name cannot inject HTML into a viewer', () => {
    expect(markdownCell('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    // & first, or the & of &lt; would be escaped again: "a&lt;b" stays visible as written.
    expect(markdownCell('R&D <b> a&lt;b')).toBe('R&amp;D &lt;b&gt; a&amp;lt;b');
    const names = ['<img src=x onerror=alert(1)>', '北京', '四川', 'x', '上海', '北京', 'x'];
    const text = formatMarkdown(fixtureTable({ name: names }), { ...en, period: '2022', top: 1 });
    expect(text).toContain('| 1 | &lt;img src=x onerror=alert(1)&gt; (310000) | East |');
    expect(text).not.toContain('<img');
  });

  it('leaves no raw <, >, line break or unescaped | in any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = markdownCell(text);
        expect(cell).not.toMatch(/[<>\r\n]/u);
        // Every | is preceded by an odd run of backslashes: escaped, whatever backslashes came before.
        for (const match of cell.matchAll(/(\\*)\|/gu)) expect((match[1] ?? '').length % 2).toBe(1);
        // Entities decode back to the text (line breaks aside): nothing is lost, only made inert.
        const decoded = cell.replace(/\\([\\|])/gu, '$1').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
        expect(decoded).toBe(text.replace(/\r\n|\r|\n/gu, ' '));
      }),
    );
  });

  it('drops the group column when no selected row has a group', () => {
    const table = fixtureTable({ group: ['', '', '', '', '', '', ''] });
    const lines = formatMarkdown(table, { ...en, period: '2021', top: 1 }).split('\n');
    expect(lines[2]).toBe('| Rank | Region | Score | Tier | Organization | Service |');
    expect(lines[4]).toBe('| 1 | 北京 (110000) | 85.00 | Leading | 90.00 | 80.00 |');
  });
});
