/**
 * The explanation laid out for people: a heading, the sentences, a grid of dimensions, a grid of
 * indicators with what each would take, and notes on what was held fixed. The terminal table
 * and markdown both print this view; they differ only in how they draw grids.
 */
import type { Explanation, Lever } from '../../analyse/explain.js';
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { Palette } from '../palette.js';
import type { DisplayColumn } from '../results/display.js';
import { printable } from '../printable.js';
import { NO_VALUE, groupLabel, periodHeading, regionLabel } from '../results/labels.js';
import { goalLines, missedLine, periodLine, standingLine, tierName, whyLine, type SentenceContext } from './sentences.js';
import { weightSourceNotes } from './weight-sources.js';
import { EXPLAIN_WORDS, formatChange, formatPerUnit, formatPoints, formatRank, formatRaw, formatWeight } from './words.js';

export interface ViewGrid {
  readonly columns: readonly DisplayColumn[];
  readonly rows: readonly (readonly string[])[];
}

export interface ExplainView {
  /** `江西 (360000) — 2022 — 中国数字政府发展指数`. */
  readonly heading: string;
  /** Standing, why, what was missed, what it takes. */
  readonly summary: readonly string[];
  readonly dimensionsHeading: string;
  readonly dimensions: ViewGrid;
  readonly leversHeading: string;
  /** Undefined when no indicator can be improved. */
  readonly levers?: ViewGrid | undefined;
  readonly notes: readonly string[];
}

function dimensionGrid(ctx: SentenceContext): ViewGrid {
  const words = EXPLAIN_WORDS[ctx.lang];
  const framework = ctx.explanation.table.framework;
  return {
    columns: [
      { header: words.dimension, align: 'left' },
      { header: words.score, align: 'right' },
      { header: words.rank, align: 'right' },
      { header: words.contribution, align: 'right' },
    ],
    rows: ctx.explanation.dimensions.map((d) => [
      printable(groupLabel(framework, d.id, ctx.lang)),
      formatPoints(d.score),
      formatRank(d.rank),
      formatPoints(d.contribution),
    ]),
  };
}

function leverName(lever: Lever, lang: Lang): string {
  const name = printable(pickText(lever.indicator.name, lang, lever.indicator.id));
  return lever.leverage.method === 'finite-difference' ? `${name} *` : name;
}

function leverCells(lever: Lever, ctx: SentenceContext, hasGoal: boolean): string[] {
  const words = EXPLAIN_WORDS[ctx.lang];
  const { indicator, decimals } = lever;
  const current = `${printable(formatRaw(indicator, lever.value, decimals, ctx.lang))}${lever.imputed ? words.imputed : ''}`;
  const cells = [
    leverName(lever, ctx.lang),
    indicator.direction === 'positive' ? words.higher : words.lower,
    current,
    formatWeight(lever.effectiveWeight),
    formatPerUnit(lever.leverage.pointsPerUnit),
  ];
  if (!hasGoal) return cells;
  const goal = lever.goal;
  if (!goal) return [...cells, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE];
  if (goal.status === 'reachable') {
    return [
      ...cells,
      ctx.palette.success(printable(formatRaw(indicator, goal.value, decimals, ctx.lang))),
      formatChange(indicator, goal.change, decimals, ctx.lang),
      formatPoints(goal.outcome.score),
      formatRank(goal.outcome.rank),
      goal.outcome.tier >= 0 ? tierName(ctx, goal.outcome.tier) : NO_VALUE,
    ];
  }
  return [
    ...cells,
    ctx.palette.dim(goal.reason === 'levels' ? words.noBetterLevel : words.notAlone),
    NO_VALUE,
    `${words.atMost} ${formatPoints(goal.best.score)}`,
    formatRank(goal.best.rank),
    goal.best.tier >= 0 ? tierName(ctx, goal.best.tier) : NO_VALUE,
  ];
}

function leverGrid(ctx: SentenceContext, hasGoal: boolean): ViewGrid | undefined {
  const { levers } = ctx.explanation;
  if (levers.length === 0) return undefined;
  const words = EXPLAIN_WORDS[ctx.lang];
  const columns: DisplayColumn[] = [
    { header: words.indicator, align: 'left' },
    { header: words.direction, align: 'left' },
    { header: words.current, align: 'right' },
    { header: words.effectiveWeight, align: 'right' },
    { header: words.pointsPerUnit, align: 'right' },
    ...(hasGoal
      ? ([
          { header: words.needed, align: 'right' },
          { header: words.change, align: 'right' },
          { header: words.scoreThen, align: 'right' },
          { header: words.rankThen, align: 'right' },
          { header: words.tierThen, align: 'left' },
        ] as const)
      : []),
  ];
  return { columns, rows: levers.map((lever) => leverCells(lever, ctx, hasGoal)) };
}

function leversHeading(ctx: SentenceContext): string {
  const next = ctx.explanation.tierExplanation?.next;
  const top = ctx.explanation.top;
  if (!next) {
    return ctx.lang === 'zh'
      ? `指标：有效权重最高的 ${top} 项可提升指标`
      : `Indicators: the ${top} improvable indicators with the largest effective weight`;
  }
  const name = tierName(ctx, next.level);
  return ctx.lang === 'zh'
    ? `单项指标：要进入${name}，下列指标各自单独需要达到的值（按有效权重取前 ${top} 项可提升指标；其他地区的数据和本地区的其他指标均保持不变）`
    : `Indicators: the value each would need on its own to reach ${name} (the top ${top} improvable indicators by effective weight; other regions' data and this region's other indicators held as submitted)`;
}

function notes(ctx: SentenceContext): string[] {
  const e = ctx.explanation;
  const scale = e.table.framework.scale;
  const zh = ctx.lang === 'zh';
  const out: string[] = [];
  out.push(
    zh
      ? `有效权重：该指标在综合得分中的实际占比（已计入层级嵌套和缺失值的权重重新分配）。各层均为算术平均时，标准化值（0–${scale}）每提高 1 分，综合得分提高“每标准化分得分”＝有效权重。`
      : `Effective weight: the indicator's actual share of the composite, after nesting and missing-value reweighting. Where every level is an arithmetic mean, each point of normalised value (0–${scale}) adds "points per normalised point" = the effective weight to the composite.`,
  );
  if (e.levers.some((l) => l.leverage.method === 'finite-difference')) {
    out.push(
      zh
        ? '* 该指标到综合得分的路径上有几何、调和、最小值、TOPSIS 或灰色关联聚合，或随数据变化的权重（熵权、CRITIC、变异系数、主成分）：每标准化分得分是将原始值移动一个最小单位后重新计算得分所得的有限差分（随其他得分而变）。'
        : '* A geometric, harmonic, minimum, TOPSIS or grey relational aggregation, or weights derived from the data (entropy, CRITIC, CV, PCA), lies on this indicator\'s path: points per normalised point is a finite difference, measured by re-scoring with the raw value moved one step (it varies with the other scores).',
    );
  }
  const next = e.tierExplanation?.next;
  if (next) {
    out.push(
      zh
        ? '单独需达到：对数据副本只修改该地区这一项的值并重新计算全部地区的得分，在数据显示精度的网格上（如 0.1、整数）二分查找进入目标等级的最小改变；所列值已重新计算验证，差一个单位则达不到。不按线性推算：一个地区成为新的最高值时，极差等相对标准化方法会改变所有地区的得分。'
        : 'Needed on its own: found by re-scoring every region with only this one value of this region changed, bisecting on the grid of the data\'s displayed precision (0.1, whole numbers, …) for the smallest change that reaches the tier; the value shown was re-scored and reaches it, one unit less does not. Not a linear estimate: a new maximum changes min–max (and other relative) normalisation for every region.',
    );
    const goal = next.composite;
    if (goal && e.levers.some((l) => l.goal?.status === 'reachable' && l.goal.outcome.score < goal.score)) {
      out.push(
        zh
          ? '“届时得分”可能低于所需综合得分：该项成为新的最高值后，其他地区在该项上的标准化得分下降，它们的综合得分也随之下降。'
          : '"Score then" can be below the composite the tier takes: when the value becomes a new maximum, the other regions\' normalised values for it fall, and so do their composites.',
      );
    }
    if (e.levers.some((l) => l.goal?.status === 'unreachable')) {
      out.push(
        zh
          ? `单独无法达到：即使该项取到取值范围（range）的最优端，或更高档位，也不足以进入${tierName(ctx, next.level)}；“届时得分/排名”给出此时能达到的最好结果。需要多项同时改进。`
          : `Not reachable alone: even the best end of the indicator's range (or its best level) is not enough for ${tierName(ctx, next.level)}; "score/rank then" show the best it can do. Several indicators must improve together.`,
      );
    }
  }
  out.push(...weightSourceNotes(e, ctx.lang));
  const { atMaximum, missing, beyondTop } = e.skipped;
  if (atMaximum + missing + beyondTop > 0) {
    const parts = zh
      ? [
          atMaximum > 0 ? `${atMaximum} 项已达最优值` : '',
          missing > 0 ? `${missing} 项无数据` : '',
          beyondTop > 0 ? `${beyondTop} 项有效权重较低（用 --top 调整列出的数量）` : '',
        ]
      : [
          atMaximum > 0 ? `${atMaximum} already at their best normalised value` : '',
          missing > 0 ? `${missing} without a value` : '',
          beyondTop > 0 ? `${beyondTop} with smaller effective weights (see more with --top)` : '',
        ];
    const list = parts.filter((p) => p !== '').join(zh ? '，' : ', ');
    out.push(zh ? `未列出的指标：${list}。` : `Not listed: ${list}.`);
  }
  return out;
}

/** The view of `explanation` in `lang`, tier names coloured by `palette`. */
export function explainView(explanation: Explanation, lang: Lang, palette: Palette): ExplainView {
  const ctx: SentenceContext = { explanation, lang, palette };
  const framework = explanation.table.framework;
  const region = regionLabel(explanation.region, explanation.name);
  const summary = [periodLine(ctx), standingLine(ctx), whyLine(ctx), missedLine(ctx), ...goalLines(ctx)].filter(
    (line): line is string => line !== undefined,
  );
  const hasGoal = explanation.tierExplanation?.next !== undefined;
  return {
    heading: `${printable(region)} — ${printable(periodHeading(framework, explanation.period.label, lang))}`,
    summary,
    dimensionsHeading: lang === 'zh' ? '各维度' : 'Dimensions',
    dimensions: dimensionGrid(ctx),
    leversHeading: leversHeading(ctx),
    levers: leverGrid(ctx, hasGoal),
    notes: notes(ctx),
  };
}
