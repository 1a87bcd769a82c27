/**
 * Data preparation in the results workbook (issue 13's "imputed/treated flags"): per dimension
 * sheet, a screened unit's coverage and per indicator whether its value was treated (winsorised,
 * or log-transformed by the fallback); and one sheet listing every treated value with what it
 * was before and after, every log-transformed indicator, and every screened unit with its
 * coverage. Nothing is added for a framework that prepares nothing, so those workbooks keep
 * their bytes.
 */
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import { rowPreparation } from './preparation.js';

/** What the dimension sheets add when the framework prepares its data. */
export interface PreparationColumns {
  readonly sheetName: string;
  readonly screenedHeader: string;
  readonly treatedHeader: string;
  /** Coverage of a screened-out unit (a share, shown as a percentage); undefined when it was scored. */
  readonly screenedCoverage: (row: number) => number | undefined;
  /** Whether treatment changed this row's value of `indicator` (false for a screened unit: it was left out). */
  readonly treated: (row: number, indicator: string) => boolean;
}

const WORDS = {
  zh: {
    sheet: '预处理',
    screened: '筛除（覆盖率）',
    treated: '异常值处理',
    kind: '处理',
    indicatorId: '指标 id',
    indicator: '指标',
    region: '地区代码',
    name: '名称',
    period: '期间',
    before: '处理前',
    after: '处理后',
    coverage: '覆盖率',
    winsorise: '缩尾',
    log: '对数变换（该期全部值）',
    screen: '筛除',
  },
  en: {
    sheet: 'Preparation',
    screened: 'screened out (coverage)',
    treated: 'treated',
    kind: 'Step',
    indicatorId: 'Indicator id',
    indicator: 'Indicator',
    region: 'Region code',
    name: 'Name',
    period: 'Period',
    before: 'Before',
    after: 'After',
    coverage: 'Coverage',
    winsorise: 'winsorised',
    log: 'log-transformed (every value of the period)',
    screen: 'screened out',
  },
} as const;

/** The dimension sheets' preparation columns, or undefined when the framework prepares nothing. */
export function preparationColumns(table: ScoreTable, lang: Lang): PreparationColumns | undefined {
  const facts = rowPreparation(table);
  if (!facts) return undefined;
  const w = WORDS[lang];
  return {
    sheetName: w.sheet,
    screenedHeader: w.screened,
    treatedHeader: w.treated,
    screenedCoverage: (row) => facts(row).screenedCoverage,
    // rowPreparation names a winsorised indicator by its id and a log-transformed one as `id (log)`.
    treated: (row, indicator) => {
      const list = facts(row).treated;
      return list.includes(indicator) || list.includes(`${indicator} (log)`);
    },
  };
}

type Cell = string | number | null;

/**
 * The preparation sheet of the periods among `rows`: treated values (before, after), log
 * fallbacks, screened units (coverage). Column 8 (coverage) is a share; 6 and 7 raw values.
 */
export function preparationSheetRows(
  table: ScoreTable,
  lang: Lang,
  rows: ReadonlySet<number>,
): { headers: string[]; rows: Cell[][]; percentColumns: ReadonlySet<number> } {
  const w = WORDS[lang];
  const report = table.preparation;
  const { dataset, framework } = table;
  const periods = new Set([...rows].map((row) => dataset.period[row] ?? ''));
  const names = new Map<string, string>();
  for (let row = 0; row < dataset.region.length; row++) names.set(`${dataset.region[row] ?? ''}\u0000${dataset.period[row] ?? ''}`, dataset.name[row] ?? '');
  const nameOf = (region: string, period: string): string => names.get(`${region}\u0000${period}`) ?? '';
  const indicatorName = (id: string): string => pickText(framework.indicators.find((i) => i.id === id)?.name, lang, id);
  const out: Cell[][] = [];
  for (const record of report?.treatments ?? []) {
    if (record.period !== null && !periods.has(record.period)) continue;
    if (record.method === 'winsorise') {
      for (const point of record.changed) {
        out.push([w.winsorise, record.indicator, indicatorName(record.indicator), point.region, nameOf(point.region, point.period), point.period, point.from, point.to, null]);
      }
    } else if (record.method === 'log') {
      out.push([w.log, record.indicator, indicatorName(record.indicator), null, null, record.period, null, null, null]);
    }
  }
  for (const unit of report?.screened ?? []) {
    if (!periods.has(unit.period)) continue;
    out.push([w.screen, null, null, unit.region, nameOf(unit.region, unit.period), unit.period, null, null, unit.coverage]);
  }
  return {
    headers: [w.kind, w.indicatorId, w.indicator, w.region, w.name, w.period, w.before, w.after, w.coverage],
    rows: out,
    percentColumns: new Set([8]),
  };
}
