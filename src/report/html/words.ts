/** Every word a person reads in the HTML report that is not the framework's own, in both languages. */
import type { Lang } from '../../model/i18n.js';

export interface ReportWords {
  readonly title: string;
  readonly contents: string;
  readonly summary: string;
  readonly ranking: string;
  readonly profiles: string;
  readonly heatmap: string;
  readonly groups: string;
  readonly periods: string;
  readonly cards: string;
  readonly map: string;
  readonly framework: string;
  readonly version: string;
  readonly source: string;
  readonly period: string;
  readonly regions: string;
  readonly scored: string;
  readonly tiers: string;
  readonly tier: string;
  readonly rule: string;
  readonly count: string;
  readonly naturalBreaks: string;
  readonly inputs: string;
  readonly file: string;
  readonly generatedBy: (version: string) => string;
  readonly frameworkFile: string;
  readonly noTiers: string;
  readonly tierBoundaries: string;
  readonly mean: string;
  readonly tierMean: (tier: string) => string;
  readonly profilesNote: (shown: number, total: number) => string;
  readonly heatmapNote: string;
  readonly heatmapDimensionsOnly: (limit: number) => string;
  readonly noGroups: string;
  readonly groupMeans: string;
  readonly rankMoves: (from: string, to: string) => string;
  readonly strongest: string;
  readonly weakest: string;
  readonly why: string;
  readonly missed: string;
  readonly gap: string;
  readonly score: string;
  readonly rank: string;
  readonly region: string;
  readonly cardsRest: (shown: number, rest: number) => string;
  readonly unscored: string;
  readonly mapUnmatched: (count: number) => string;
  readonly mapAllMatched: string;
  readonly mapSource: (path: string) => string;
  readonly untiered: string;
  readonly provenance: string;
  readonly filesInAppendix: (count: number) => string;
}

export const REPORT_WORDS: Readonly<Record<Lang, ReportWords>> = {
  zh: {
    title: '评估报告',
    contents: '目录',
    summary: '概况',
    ranking: '排名',
    profiles: '维度画像',
    heatmap: '得分热力图',
    groups: '分组比较',
    periods: '跨期变化',
    cards: '地区卡片',
    map: '地图',
    framework: '指标框架',
    version: '版本',
    source: '来源',
    period: '期间',
    regions: '地区数',
    scored: '已评分',
    tiers: '等级',
    tier: '等级',
    rule: '规则',
    count: '地区数',
    naturalBreaks: '自然断点分级（Jenks）：按本期得分分为各类',
    inputs: '输入文件',
    file: '文件',
    generatedBy: (v) => `由 dgmi ${v} 生成`,
    frameworkFile: '框架文件',
    noTiers: '该框架未定义等级。',
    tierBoundaries: '等级分界',
    mean: '全部地区平均',
    tierMean: (t) => `${t}平均`,
    profilesNote: (shown, total) => `显示 ${shown} 个地区（共 ${total} 个）；其他地区可用 --regions 指定。`,
    heatmapNote: '各地区在各维度及二级分组上的得分（0 至满分）。',
    heatmapDimensionsOnly: (limit) => `地区多于 ${limit} 个，仅显示一级维度。`,
    noGroups: '数据中没有分组列，无法分组比较。',
    groupMeans: '各分组平均得分',
    rankMoves: (from, to) => `${from} → ${to} 排名变化`,
    strongest: '最强分组',
    weakest: '最弱分组',
    why: '等级依据',
    missed: '差距',
    gap: '距上一等级',
    score: '得分',
    rank: '排名',
    region: '地区',
    cardsRest: (shown, rest) => `以上为前 ${shown} 个地区的卡片；其余 ${rest} 个地区汇总如下（可用 --cards 调整）。`,
    unscored: '未评分',
    mapUnmatched: (n) => `${n} 个地区在边界文件中找不到对应要素：`,
    mapAllMatched: '所有地区均已在边界文件中匹配。',
    mapSource: (p) => `边界数据来自用户提供的文件 ${p}（dgmi 不附带地图数据；在中国公开发布的地图须取得审图号）。`,
    untiered: '未分级',
    provenance: '附录：输入文件',
    filesInAppendix: (n) => `共 ${n} 个（含框架文件），各文件的 sha256 见文末附录。`,
  },
  en: {
    title: 'Assessment report',
    contents: 'Contents',
    summary: 'Summary',
    ranking: 'Ranking',
    profiles: 'Profiles',
    heatmap: 'Heatmap',
    groups: 'Groups',
    periods: 'Change between periods',
    cards: 'Region cards',
    map: 'Map',
    framework: 'Framework',
    version: 'Version',
    source: 'Source',
    period: 'Period',
    regions: 'Regions',
    scored: 'scored',
    tiers: 'Tiers',
    tier: 'Tier',
    rule: 'Rule',
    count: 'Regions',
    naturalBreaks: "Natural breaks (Jenks): classes of this period's scores",
    inputs: 'Input files',
    file: 'File',
    generatedBy: (v) => `Made with dgmi ${v}`,
    frameworkFile: 'framework file',
    noTiers: 'The framework defines no tiers.',
    tierBoundaries: 'Tier boundaries',
    mean: 'Mean of all regions',
    tierMean: (t) => `Mean of ${t}`,
    profilesNote: (shown, total) => `${shown} of ${total} regions shown; name others with --regions.`,
    heatmapNote: 'Scores of every region on each dimension and second-level group (0 to the full scale).',
    heatmapDimensionsOnly: (limit) => `More than ${limit} regions: first-level dimensions only.`,
    noGroups: 'The data has no group column, so groups cannot be compared.',
    groupMeans: 'Mean score by group',
    rankMoves: (from, to) => `Rank moves ${from} → ${to}`,
    strongest: 'Strongest',
    weakest: 'Weakest',
    why: 'Why this tier',
    missed: 'Missed',
    gap: 'To the next tier',
    score: 'Score',
    rank: 'Rank',
    region: 'Region',
    cardsRest: (shown, rest) => `Cards for the first ${shown} regions; the other ${rest} are summarised below (change with --cards).`,
    unscored: 'unscored',
    mapUnmatched: (n) => `${n} regions have no feature in the boundary file:`,
    mapAllMatched: 'Every region matched a feature of the boundary file.',
    mapSource: (p) => `Boundaries from the file given, ${p} (dgmi ships no map data; maps published in China need an approval number, 审图号).`,
    untiered: 'untiered',
    provenance: 'Appendix: input files',
    filesInAppendix: (n) => `${n} files (the framework included); each file's sha256 is in the appendix at the end.`,
  },
};
