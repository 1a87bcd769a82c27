/**
 * Every word a person reads in a `dgmi compare` report, in both languages: headings, column
 * headers and the normalisation note (region group names are src/report/region-groups.ts).
 * Machine formats (JSON keys, CSV headers) use ids and never come here for headers.
 */
import type { NormaliseScope } from '../../analyse/analysis.js';
import type { Lang } from '../../model/i18n.js';

export interface CompareWords {
  readonly title: { readonly regions: string; readonly periods: string; readonly groups: string };
  readonly normalise: Readonly<Record<NormaliseScope, string>>;
  readonly score: string;
  readonly rank: string;
  readonly tier: string;
  readonly region: string;
  readonly group: string;
  readonly dimension: string;
  readonly indicator: string;
  readonly overview: string;
  readonly strength: string;
  readonly weakness: string;
  readonly strengths: string;
  readonly weaknesses: string;
  readonly gaps: string;
  readonly gap: string;
  readonly imputedNote: string;
  readonly scoreIn: (period: string) => string;
  readonly rankIn: (period: string) => string;
  readonly scoreChange: string;
  readonly rankChange: string;
  readonly tierMove: string;
  readonly drivers: string;
  readonly changes: string;
  readonly transitions: (from: string, to: string) => string;
  readonly entered: (period: string) => string;
  readonly left: (period: string) => string;
  readonly none: string;
  readonly untiered: string;
  readonly total: string;
  readonly all: string;
  readonly regions: string;
  readonly mean: string;
  readonly median: string;
  readonly min: string;
  readonly max: string;
  readonly sd: string;
  readonly cv: string;
  readonly compositeStats: string;
  readonly dimensionStats: string;
  readonly theil: string;
  readonly theilGroups: string;
  readonly theilUndefined: string;
  readonly scoreShare: string;
  readonly groupTheil: string;
  readonly betweenTerm: string;
  readonly withinTerm: string;
  readonly component: string;
  readonly value: string;
  readonly shareOfTotal: string;
  readonly between: string;
  readonly within: string;
  readonly tierDistribution: string;
  readonly withoutGroup: (count: number) => string;
}

export const COMPARE_WORDS: Readonly<Record<Lang, CompareWords>> = {
  zh: {
    title: { regions: '地区对比', periods: '跨期对比', groups: '分组对比' },
    normalise: {
      period: '标准化：各期分别进行（相对方法的得分仅在同一期内可比）',
      pooled: '标准化：各期合并进行（得分可跨期比较）',
    },
    score: '得分',
    rank: '排名',
    tier: '等级',
    region: '地区',
    group: '分组',
    dimension: '维度',
    indicator: '指标',
    overview: '总体与各维度（得分 #排名）',
    strength: '优势',
    weakness: '短板',
    strengths: '优势维度',
    weaknesses: '短板维度',
    gaps: '差异最大的指标（按标准化得分之差；括号内为原始值）',
    gap: '差距',
    imputedNote: '* 为插补值',
    scoreIn: (period) => `${period} 得分`,
    rankIn: (period) => `${period} 排名`,
    scoreChange: '得分变化',
    rankChange: '排名变化',
    tierMove: '等级变动',
    drivers: '主要驱动维度（贡献变化）',
    changes: '各地区变化',
    transitions: (from, to) => `等级变动矩阵（行：${from}，列：${to}）`,
    entered: (period) => `新增地区（仅 ${period} 有数据）`,
    left: (period) => `退出地区（仅 ${period} 有数据）`,
    none: '无',
    untiered: '未分级',
    total: '合计',
    all: '全部',
    regions: '地区数',
    mean: '均值',
    median: '中位数',
    min: '最小值',
    max: '最大值',
    sd: '标准差',
    cv: '变异系数',
    compositeStats: '综合得分',
    dimensionStats: '各维度得分',
    theil: '泰尔指数分解（综合得分）',
    theilGroups: '各分组的泰尔指数',
    theilUndefined: '泰尔指数无定义（见警告）',
    scoreShare: '得分占比 s_g',
    groupTheil: '组内泰尔指数 T_g',
    betweenTerm: '组间项',
    withinTerm: '组内项',
    component: '构成',
    value: '数值',
    shareOfTotal: '占比',
    between: '组间差异',
    within: '组内差异',
    tierDistribution: '等级分布',
    withoutGroup: (count) => `${count} 个地区未填分组，未纳入比较`,
  },
  en: {
    title: { regions: 'Regions compared', periods: 'Periods compared', groups: 'Groups compared' },
    normalise: {
      period: 'Normalisation: per period (scores of relative methods are comparable within a period only)',
      pooled: 'Normalisation: pooled over the periods (scores are comparable across periods)',
    },
    score: 'Score',
    rank: 'Rank',
    tier: 'Tier',
    region: 'Region',
    group: 'Group',
    dimension: 'Dimension',
    indicator: 'Indicator',
    overview: 'Overall and by dimension (score #rank)',
    strength: 'strength',
    weakness: 'weakness',
    strengths: 'Strengths',
    weaknesses: 'Weaknesses',
    gaps: 'Indicators where they differ most (by gap in normalised score; raw values in brackets)',
    gap: 'Gap',
    imputedNote: '* imputed value',
    scoreIn: (period) => `Score ${period}`,
    rankIn: (period) => `Rank ${period}`,
    scoreChange: 'Score change',
    rankChange: 'Rank change',
    tierMove: 'Tier',
    drivers: 'Main drivers (contribution change)',
    changes: 'Changes by region',
    transitions: (from, to) => `Tier transitions (rows: ${from}, columns: ${to})`,
    entered: (period) => `Entered (only in ${period})`,
    left: (period) => `Left (only in ${period})`,
    none: 'none',
    untiered: 'Untiered',
    total: 'Total',
    all: 'All',
    regions: 'Regions',
    mean: 'Mean',
    median: 'Median',
    min: 'Min',
    max: 'Max',
    sd: 'SD',
    cv: 'CV',
    compositeStats: 'Composite score',
    dimensionStats: 'Dimension scores',
    theil: 'Theil index decomposition (composite score)',
    theilGroups: 'Theil index by group',
    theilUndefined: 'The Theil index is undefined (see the warnings)',
    scoreShare: 'Score share s_g',
    groupTheil: 'Theil T_g',
    betweenTerm: 'Between term',
    withinTerm: 'Within term',
    component: 'Component',
    value: 'Value',
    shareOfTotal: 'Share',
    between: 'Between groups',
    within: 'Within groups',
    tierDistribution: 'Tier distribution',
    withoutGroup: (count) => `${count} region(s) without a group left out`,
  },
};

/** The `normalise` value of machine output: the `--normalise` choice that produced the scores. */
export function normaliseId(scope: NormaliseScope): 'per-period' | 'pooled' {
  return scope === 'pooled' ? 'pooled' : 'per-period';
}
