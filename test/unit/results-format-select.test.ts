import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreTable } from '../../src/model/score-table.js';
import { plainPalette } from '../../src/report/palette.js';
import { BINARY_RESULT_FORMATS, RESULT_FORMATS, RESULT_FORMAT_NAMES } from '../../src/report/results/index.js';
import { selectRows, splitByPeriod } from '../../src/report/results/select.js';
import { fixtureTable } from './results-format-fixture.js';

describe('selectRows', () => {
  const table = fixtureTable();

  it('keeps reporting order and filters by period and top', () => {
    // order: 2021 → rows 5, 4, 6; 2022 → rows 0, 1, 3, then unscored 2.
    expect([...selectRows(table)]).toEqual([5, 4, 6, 0, 1, 3, 2]);
    expect([...selectRows(table, { period: '2022' })]).toEqual([0, 1, 3, 2]);
    expect([...selectRows(table, { top: 2 })]).toEqual([5, 4, 0, 1]);
    expect([...selectRows(table, { period: '2021', top: 1 })]).toEqual([5]);
    expect([...selectRows(table, { top: 0 })]).toEqual([]);
    expect([...selectRows(table, { period: 'none' })]).toEqual([]);
  });

  it('drops unscored rows first under top, since they sort last', () => {
    // 2022 has 3 scored rows and one unscored: top 3 keeps exactly the scored ones.
    expect([...selectRows(table, { period: '2022', top: 3 })]).toEqual([0, 1, 3]);
  });

  it('rejects a top that is not a non-negative integer (a programmer error)', () => {
    expect(() => selectRows(table, { top: -1 })).toThrow(/top/u);
    expect(() => selectRows(table, { top: 1.5 })).toThrow(/top/u);
  });

  it('equals the obvious filter for any order, periods and top (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('', '2021', '2022'), { minLength: 0, maxLength: 30 }),
        fc.option(fc.nat({ max: 5 }), { nil: undefined }),
        fc.option(fc.constantFrom('', '2021', '2022'), { nil: undefined }),
        (periods, top, period) => {
          // Reporting order keeps a period's rows together: sort row indices by period label.
          const order = periods.map((_, i) => i).sort((a, b) => (periods[a] ?? '').localeCompare(periods[b] ?? '') || a - b);
          const t = { ...table, dataset: { ...table.dataset, period: periods }, order: Uint32Array.from(order) } as ScoreTable;
          const expected: number[] = [];
          const taken = new Map<string, number>();
          for (const row of order) {
            const p = periods[row] ?? '';
            if (period !== undefined && p !== period) continue;
            if (top !== undefined && (taken.get(p) ?? 0) >= top) continue;
            taken.set(p, (taken.get(p) ?? 0) + 1);
            expected.push(row);
          }
          const selected = selectRows(t, { period, top });
          expect([...selected]).toEqual(expected);
          // Splitting by period and joining back loses nothing, and each run has one period.
          const runs = splitByPeriod(t, selected);
          expect(runs.flatMap((r) => [...r.rows])).toEqual(expected);
          for (const run of runs) for (const row of run.rows) expect(periods[row]).toBe(run.period);
          expect(new Set(runs.map((r) => r.period)).size).toBe(runs.length);
        },
      ),
    );
  });
});

describe('RESULT_FORMATS', () => {
  it('has exactly the text --format choices table, json, csv, markdown, ndjson, html (parquet and xlsx are bytes)', () => {
    expect(RESULT_FORMAT_NAMES).toEqual(['table', 'json', 'csv', 'markdown', 'ndjson', 'html']);
    expect(Object.keys(BINARY_RESULT_FORMATS)).toEqual(['parquet', 'xlsx']);
  });

  it('every formatter is deterministic and respects --period', () => {
    for (const name of RESULT_FORMAT_NAMES) {
      const format = RESULT_FORMATS[name];
      const options = { lang: 'zh' as const, palette: plainPalette, toolVersion: '0.1.0', period: '2021' };
      const once = format(fixtureTable(), options);
      expect(format(fixtureTable(), options)).toBe(once);
      expect(once).toContain('110000');
      expect(once).not.toContain('510000'); // 四川 only has a 2022 row
    }
  });
});
