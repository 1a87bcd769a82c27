import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Palette } from '../../src/report/palette.js';
import { plainPalette } from '../../src/report/palette.js';
import type { ResultFormatOptions } from '../../src/report/results/formatter.js';
import { formatTable } from '../../src/report/results/table.js';
import { displayWidth, fixtureTable } from './results-format-fixture.js';

const zh: ResultFormatOptions = { lang: 'zh', palette: plainPalette, toolVersion: '0.1.0' };
const en: ResultFormatOptions = { ...zh, lang: 'en' };

/** The cells of each `│ … │` line of a rendered table, trimmed. */
function cellRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) => line.split('│').slice(1, -1).map((cell) => cell.trim()));
}

/** The lines of each table (from its top border to its bottom border), without the headings. */
function tableLines(text: string): string[][] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => /^[┌│├└]/u.test(line)));
}

describe('displayWidth (the test oracle)', () => {
  it('counts CJK as two columns and ANSI codes as none', () => {
    // 中 = 2, a = 1, — = 1, ─ = 1; the colour codes add nothing: 2 + 1 + 1 + 1 = 5.
    expect(displayWidth('中a—\u001b[31m─\u001b[39m')).toBe(5);
  });
});

describe('formatTable', () => {
  it('prints a heading and a table per period with zh headers, tiers and dimension names', () => {
    const text = formatTable(fixtureTable(), zh);
    const lines = text.split('\n');
    expect(lines[0]).toBe('2021 — 中国数字政府发展指数');
    expect(lines).toContain('2022 — 中国数字政府发展指数');
    const rows = cellRows(text);
    const header = ['排名', '地区', '分组', '得分', '等级', '组织机构', '政务服务'];
    expect(rows[0]).toEqual(header);
    expect(rows[1]).toEqual(['1', '北京 (110000)', '东部', '85.00', '引领型', '90.00', '80.00']);
    // X01 2021: (-1.5 + 50) / 2 = 24.25; no group, so an empty cell.
    expect(rows[3]).toEqual(['3', '=HYPERLINK("x") (X01)', '', '24.25', '发展型', '-1.50', '50.00']);
    expect(rows[4]).toEqual(header);
    // 2022, X01: (60 + 66.666…) / 2 = 63.333… → 63.33; service 66.666… → 66.67.
    expect(rows[7]).toEqual(['3', '=HYPERLINK("x") (X01)', '', '63.33', '发展型', '60.00', '66.67']);
    // The unscored region comes last and shows — where it has no value.
    expect(rows[8]).toEqual(['—', '四川 (510000)', '西部', '—', '—', '40.00', '—']);
    expect(rows).toHaveLength(9);
  });

  it('uses en headers and names under en', () => {
    const rows = cellRows(formatTable(fixtureTable(), en));
    expect(rows[0]).toEqual(['Rank', 'Region', 'Group', 'Score', 'Tier', 'Organization', 'Service']);
    expect(rows[5]).toEqual(['1', '上海 (310000)', 'East', '85.00', 'Leading', '90.00', '80.00']);
    expect(formatTable(fixtureTable(), en).split('\n')[0]).toBe('2021 — China Digital Government Development Index');
  });

  it('aligns Chinese text: every line of a table has the same display width, under zh and en', () => {
    for (const options of [zh, en]) {
      const tables = tableLines(formatTable(fixtureTable(), options));
      expect(tables).toHaveLength(2);
      for (const lines of tables) {
        expect(lines.length).toBeGreaterThan(4);
        const widths = new Set(lines.map(displayWidth));
        expect([...widths]).toHaveLength(1);
        // Chinese names are present, so the check is not trivially about ASCII.
        expect(lines.some((line) => /[\u4e00-\u9fff]/u.test(line))).toBe(true);
        // And the width is not the naive character count.
        expect(lines.map((line) => line.length).some((length) => length !== displayWidth(lines[0] ?? ''))).toBe(true);
      }
    }
  });

  it('honours --period and --top', () => {
    const text = formatTable(fixtureTable(), { ...zh, period: '2022', top: 2 });
    expect(text.split('\n')[0]).toBe('2022 — 中国数字政府发展指数');
    expect(text).not.toContain('2021');
    expect(cellRows(text).map((cells) => cells[1])).toEqual(['地区', '上海 (310000)', '北京 (110000)']);
    expect(cellRows(formatTable(fixtureTable(), { ...zh, top: 1 })).map((cells) => cells[1])).toEqual([
      '地区',
      '北京 (110000)',
      '地区',
      '上海 (310000)',
    ]);
    expect(formatTable(fixtureTable(), { ...zh, period: '1999' })).toBe('');
  });

  it('colours only through the palette: tier names by level, and stays aligned', () => {
    const ansi: Palette = { ...plainPalette, tier: (level, s) => `\u001b[3${level + 1}m${s}\u001b[39m` };
    const text = formatTable(fixtureTable(), { ...zh, palette: ansi, period: '2022' });
    expect(text).toContain('\u001b[31m引领型\u001b[39m'); // level 0 (leading)
    expect(text).toContain('\u001b[32m发展型\u001b[39m'); // level 1 (developing)
    expect(text).not.toContain('\u001b[30m'); // the untiered — is not coloured as a tier
    for (const lines of tableLines(text)) expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(formatTable(fixtureTable(), zh)).not.toContain('\u001b');
  });

  it('shows control characters in submitted names as spaces', () => {
    const names = ['上\u001b[2J海', '北京', '四川', 'x', '上海', '北京', 'x'];
    const text = formatTable(fixtureTable({ name: names }), { ...zh, period: '2022', top: 1 });
    expect(cellRows(text)[1]?.[1]).toBe('上 [2J海 (310000)');
    expect(text).not.toContain('\u001b');
  });

  it('aligns any mix of Chinese, full-width and ASCII names (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '中', '国', '，', 'Ａ', '—', '·'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(name, { minLength: 7, maxLength: 7 }), fc.constantFrom(zh, en), (names, options) => {
        for (const lines of tableLines(formatTable(fixtureTable({ name: names }), options))) {
          expect(new Set(lines.map(displayWidth)).size).toBe(1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
