/**
 * Every word a person reads in a `dgmi sensitivity` report, in both languages. Machine formats
 * (JSON keys, CSV headers) use ids and never come here.
 */
import type { Lang } from '../../model/i18n.js';
import type { Assumption } from '../../analyse/sensitivity/spec.js';

export interface SensitivityWords {
  readonly title: string;
  readonly rank: string;
  readonly region: string;
  readonly score: string;
  readonly tier: string;
  readonly median: string;
  readonly interval: string;
  readonly mean: string;
  readonly spread: string;
  readonly scored: string;
  readonly probability: (tier: string) => string;
  readonly assumption: string;
  readonly options: string;
  readonly first: string;
  readonly total: string;
  readonly sobolTitle: string;
  readonly assumptionNames: Readonly<Record<Assumption['kind'], string>>;
  readonly weightLevel: (level: string, noise: string) => string;
  readonly summary: (method: string, runs: number, replications: number, seed: number) => string;
  readonly shift: (value: string) => string;
  readonly barNote: string;
  /** The option `framework`: each node as the framework says. */
  readonly asFramework: string;
}

export const SENSITIVITY_WORDS: Readonly<Record<Lang, SensitivityWords>> = {
  en: {
    title: 'Uncertainty of ranks',
    rank: 'Rank',
    region: 'Region',
    score: 'Score',
    tier: 'Tier',
    median: 'Median',
    interval: '5–95%',
    mean: 'Mean',
    spread: 'Rank interval',
    scored: 'Scored',
    probability: (tier) => `P(${tier})`,
    assumption: 'Assumption',
    options: 'Options',
    first: 'First order [95% CI]',
    total: 'Total [95% CI]',
    sobolTitle: 'Sobol indices of the mean absolute rank shift',
    assumptionNames: { weights: 'Weights', normalise: 'Normalisation', aggregate: 'Aggregation', missing: 'Missing values', winsorise: 'Winsorisation limit (points)' },
    weightLevel: (level, noise) => (level === 'indicators' ? `indicators × U(1 ± ${noise})` : `level ${level} × U(1 ± ${noise})`),
    summary: (method, runs, replications, seed) =>
      method === 'sobol' ? `Sobol (Saltelli design, Jansen estimators): N = ${runs}, ${replications} replications, seed ${seed}` : `Monte Carlo: ${replications} replications, seed ${seed}`,
    shift: (value) => `Mean absolute rank shift against the nominal ranks: ${value}`,
    barNote: 'Rank interval: ━ 5th to 95th percentile rank, ● median, best rank on the left.',
    asFramework: 'as in the framework',
  },
  zh: {
    title: '排名的不确定性',
    rank: '排名',
    region: '地区',
    score: '得分',
    tier: '等级',
    median: '中位排名',
    interval: '5–95%',
    mean: '平均排名',
    spread: '排名区间',
    scored: '计分比例',
    probability: (tier) => `P(${tier})`,
    assumption: '假设',
    options: '选项',
    first: '一阶指数 [95% 置信区间]',
    total: '总效应指数 [95% 置信区间]',
    sobolTitle: '平均绝对排名变动的 Sobol 指数',
    assumptionNames: { weights: '权重', normalise: '归一化', aggregate: '聚合', missing: '缺失值', winsorise: '缩尾点数上限' },
    weightLevel: (level, noise) => (level === 'indicators' ? `指标 × U(1 ± ${noise})` : `第 ${level} 层 × U(1 ± ${noise})`),
    summary: (method, runs, replications, seed) =>
      method === 'sobol' ? `Sobol（Saltelli 设计，Jansen 估计量）：N = ${runs}，共 ${replications} 次重复，种子 ${seed}` : `蒙特卡洛：${replications} 次重复，种子 ${seed}`,
    shift: (value) => `相对名义排名的平均绝对排名变动：${value}`,
    barNote: '排名区间：━ 为第 5 至第 95 百分位排名，● 为中位排名，左侧为最好名次。',
    asFramework: '按框架设定',
  },
};
