/**
 * The explanation in sentences: a rule trace read back as the rule it is ("排名 9 ≤ 13",
 * "rank 9 > 8 (1 place short)"), why the region is in its tier, what it missed above, the score
 * the next tier takes and the notes that say what was held fixed. Shared by the terminal table
 * and markdown, which differ only in how they draw it.
 */
import type { Explanation } from '../../analyse/explain.js';
import type { ScoreGoal } from '../../analyse/explain-tier.js';
import type { Lang } from '../../model/i18n.js';
import type { BoundCheck, RuleTrace } from '../../tier/rules.js';
import type { Palette } from '../palette.js';
import { printable } from '../printable.js';
import { NO_VALUE, groupLabel, regionLabel, tierLabel } from '../results/labels.js';
import { EXPLAIN_WORDS, formatPoints } from './words.js';

export interface SentenceContext {
  readonly explanation: Explanation;
  readonly lang: Lang;
  readonly palette: Palette;
}

function observedText(check: BoundCheck, x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return NO_VALUE;
  return check.measure === 'rank' ? String(x) : x.toFixed(2);
}

function distanceText(check: BoundCheck, lang: Lang): string {
  const shortfall = check.shortfall;
  if (!shortfall) return '';
  const words = EXPLAIN_WORDS[lang];
  const distance = shortfall.unit === 'places' ? String(shortfall.distance) : shortfall.distance.toFixed(2);
  let unit: string = words.unit[shortfall.unit];
  if (lang === 'en' && shortfall.unit === 'places' && shortfall.distance === 1) unit = 'place';
  const text = words.short(distance, unit);
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** One bounds test as written in the rule: `rank 9 ≤ 13`, `score 70.00 < 75.00 (5.00 points short)`. */
export function checkText(label: string, check: BoundCheck, lang: Lang): string {
  const observed = observedText(check, check.observed);
  const { min, max } = check.bounds;
  const bound = (x: number): string => observedText(check, x);
  if (!Number.isFinite(check.observed)) return `${label} ${NO_VALUE}`;
  if (check.holds) {
    if (min !== undefined && max !== undefined) return `${bound(min)} ≤ ${label} ${observed} ≤ ${bound(max)}`;
    if (max !== undefined) return `${label} ${observed} ≤ ${bound(max)}`;
    if (min !== undefined) return `${label} ${observed} ≥ ${bound(min)}`;
    return `${label} ${observed}`;
  }
  const side = check.shortfall?.side;
  const relation = side === 'min' ? `< ${bound(min ?? Number.NaN)}` : `> ${bound(max ?? Number.NaN)}`;
  return `${label} ${observed} ${relation}${distanceText(check, lang)}`;
}

function dimensionName(ctx: SentenceContext, id: string): string {
  return printable(groupLabel(ctx.explanation.table.framework, id, ctx.lang));
}

/** A single test reads the same whether it held or not: its measure, the value and the bound. */
function describeTest(trace: Extract<RuleTrace, { kind: 'otherwise' | 'score' | 'rank' | 'percentile' | 'dimension' }>, ctx: SentenceContext): string {
  const words = EXPLAIN_WORDS[ctx.lang];
  switch (trace.kind) {
    case 'otherwise':
      return words.otherwise;
    case 'dimension':
      return `${dimensionName(ctx, trace.id)} ${checkText(words.measure[trace.check.measure], trace.check, ctx.lang)}`;
    default:
      return checkText(words.measure[trace.kind], trace.check, ctx.lang);
  }
}

/** Why a rule that holds holds: only the parts that hold are named (the true branch of an `any`). */
export function describeHeld(trace: RuleTrace, ctx: SentenceContext): string {
  const words = EXPLAIN_WORDS[ctx.lang];
  switch (trace.kind) {
    case 'otherwise':
    case 'score':
    case 'rank':
    case 'percentile':
    case 'dimension':
      return describeTest(trace, ctx);
    case 'any_dimension':
      return trace.dimensions
        .filter((d) => d.check.holds)
        .map((d) => `${dimensionName(ctx, d.id)} ${checkText(words.measure[d.check.measure], d.check, ctx.lang)}`)
        .join(` ${words.or} `);
    case 'all':
      return trace.children.map((c) => describeHeld(c, ctx)).join(` ${words.and} `);
    case 'any':
      return trace.children
        .filter((c) => c.holds)
        .map((c) => describeHeld(c, ctx))
        .join(` ${words.or} `);
    case 'not':
      return `${words.not} (${describeMissed(trace.child, ctx)})`;
  }
}

/** Why a rule that fails fails, with how far each failed bound is: every unmet part of an `all`, the nearest dimension of an `any_dimension`. */
export function describeMissed(trace: RuleTrace, ctx: SentenceContext): string {
  const words = EXPLAIN_WORDS[ctx.lang];
  const separator = ctx.lang === 'zh' ? '；' : '; ';
  switch (trace.kind) {
    case 'otherwise':
    case 'score':
    case 'rank':
    case 'percentile':
    case 'dimension':
      return describeTest(trace, ctx);
    case 'any_dimension': {
      const nearest = [...trace.dimensions]
        .filter((d) => d.check.shortfall !== undefined)
        .sort((a, b) => (a.check.shortfall?.distance ?? Infinity) - (b.check.shortfall?.distance ?? Infinity))[0];
      if (!nearest) return `${words.bestDimension}: ${NO_VALUE}`;
      const colon = ctx.lang === 'zh' ? '：' : ': ';
      return `${words.bestDimension}${colon}${dimensionName(ctx, nearest.id)} ${checkText(words.measure[nearest.check.measure], nearest.check, ctx.lang)}`;
    }
    case 'all':
      return trace.children
        .filter((c) => !c.holds)
        .map((c) => describeMissed(c, ctx))
        .join(separator);
    case 'any':
      return trace.children.map((c) => describeMissed(c, ctx)).join(separator);
    case 'not':
      return `${words.not} (${describeHeld(trace.child, ctx)})`;
  }
}

/** A tier's name in the language, made safe to print, coloured by the palette. */
export function tierName(ctx: SentenceContext, level: number): string {
  return ctx.palette.tier(level, printable(tierLabel(ctx.explanation.table.framework, level, ctx.lang)));
}

/** `，即与 山东 (370000) 并列第 8 名` — who the goal ties, if anyone. */
function tiesText(goal: ScoreGoal, ctx: SentenceContext, inDimension: boolean): string {
  if (goal.ties.length === 0) return '';
  const who = goal.ties.map((t) => printable(regionLabel(t.region, t.name))).join(ctx.lang === 'zh' ? '、' : ', ');
  if (ctx.lang === 'zh') return `，即与 ${who} 并列${inDimension ? '该维度' : ''}第 ${goal.rank} 名`;
  return `, tying ${who} at rank ${goal.rank}${inDimension ? ' in that dimension' : ''}`;
}

/** Remarks in one pair of brackets: `（竞争排名下并列即可；得分按保留 2 位小数计）`. */
function remarks(parts: readonly string[], lang: Lang): string {
  if (parts.length === 0) return '';
  return lang === 'zh' ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
}

function tieRemark(goal: ScoreGoal, lang: Lang): string[] {
  if (goal.ties.length === 0) return [];
  return [lang === 'zh' ? '竞争排名下并列即可' : 'a tie is enough under competition ranking'];
}

/** "Why 特色型: 排名 9 ≤ 13" — the rule (or class) that placed the region. */
export function whyLine(ctx: SentenceContext): string | undefined {
  const tier = ctx.explanation.tierExplanation;
  const current = tier?.current;
  if (!tier || !current) return undefined;
  const name = tierName(ctx, current.level);
  if (tier.method === 'natural-breaks') {
    const edges = current.edges;
    const range = edges ? `${formatPoints(edges.min)}–${formatPoints(edges.max)}` : NO_VALUE;
    const score = formatPoints(ctx.explanation.score);
    return ctx.lang === 'zh'
      ? `为何是${name}：得分 ${score} 落在本期该类的得分区间 ${range} 内（自然断点分级）`
      : `Why ${name}: the score ${score} lies in this period's class range ${range} (natural breaks)`;
  }
  const reason = current.trace ? describeHeld(current.trace, ctx) : NO_VALUE;
  return ctx.lang === 'zh' ? `为何是${name}：${reason} → ${name}` : `Why ${name}: ${reason} → ${name}`;
}

/** The next tier's rule and how far the region is from it, or "already in the top tier". */
export function missedLine(ctx: SentenceContext): string | undefined {
  const tier = ctx.explanation.tierExplanation;
  if (!tier) return undefined;
  const next = tier.next;
  if (!next) {
    const name = tier.current ? tierName(ctx, tier.current.level) : NO_VALUE;
    return ctx.lang === 'zh' ? `已处于最高等级（${name}）。` : `Already in the top tier (${name}).`;
  }
  const name = tierName(ctx, next.level);
  if (tier.method === 'natural-breaks') {
    const lowest = next.edges ? formatPoints(next.edges.min) : NO_VALUE;
    return ctx.lang === 'zh' ? `未达${name}：该类本期最低得分为 ${lowest}` : `Missed ${name}: its lowest score this period is ${lowest}`;
  }
  const missed = next.trace ? describeMissed(next.trace, ctx) : NO_VALUE;
  return ctx.lang === 'zh' ? `未达${name}：${missed}` : `Missed ${name}: ${missed}`;
}

/** The composite the next tier takes, others fixed, and the dimension scores that would do it instead. */
export function goalLines(ctx: SentenceContext): string[] {
  const next = ctx.explanation.tierExplanation?.next;
  if (!next) return [];
  const name = tierName(ctx, next.level);
  const precision = ctx.explanation.table.framework.precision;
  const lines: string[] = [];
  const goal = next.composite;
  if (goal) {
    const rounded = precision === undefined ? [] : [ctx.lang === 'zh' ? `得分按保留 ${precision} 位小数计` : `scores rounded to ${precision} decimals`];
    const tail = `${tiesText(goal, ctx, false)}${remarks([...tieRemark(goal, ctx.lang), ...rounded], ctx.lang)}`;
    lines.push(
      ctx.lang === 'zh'
        ? `进入${name}所需综合得分：${formatPoints(goal.score)}（${formatPoints(goal.increase, true)} 分）${tail}`
        : `To reach ${name}: a composite of ${formatPoints(goal.score)} (${formatPoints(goal.increase, true)} points)${tail}`,
    );
  } else {
    lines.push(ctx.lang === 'zh' ? `仅提高综合得分无法进入${name}。` : `Raising the composite alone cannot reach ${name}.`);
  }
  for (const d of next.dimensions) {
    const dimension = dimensionName(ctx, d.id);
    lines.push(
      ctx.lang === 'zh'
        ? `或：${dimension}得分达到 ${formatPoints(d.score)}（${formatPoints(d.increase, true)}）${tiesText(d, ctx, true)}${remarks(tieRemark(d, ctx.lang), ctx.lang)}`
        : `Or: ${dimension} score ${formatPoints(d.score)} (${formatPoints(d.increase, true)})${tiesText(d, ctx, true)}${remarks(tieRemark(d, ctx.lang), ctx.lang)}`,
    );
  }
  lines.push(
    ctx.lang === 'zh'
      ? '（以上均假定其他地区的得分保持不变。）'
      : "(All of the above hold the other regions' scores fixed.)",
  );
  if (ctx.explanation.tierExplanation?.method === 'natural-breaks') {
    lines.push(
      ctx.lang === 'zh'
        ? '注：自然断点分级的类别边界由全部得分共同决定，得分变化后边界本身也可能移动。'
        : 'Note: under natural breaks the class boundaries are computed from all scores, so they may shift when scores change.',
    );
  }
  return lines;
}

/** Which period is explained, and how it was chosen when the data has several. */
export function periodLine(ctx: SentenceContext): string | undefined {
  const { period } = ctx.explanation;
  if (period.chosen !== 'latest') return undefined;
  const list = period.available.join(ctx.lang === 'zh' ? '、' : ', ');
  return ctx.lang === 'zh'
    ? `该地区有 ${list} 共 ${period.available.length} 期数据，此处解释最新一期 ${period.label}；可用 --period 指定其他期。`
    : `The region has data for ${list}; this explains the latest, ${period.label} (choose another with --period).`;
}

/** `得分 78.97，排名 9/31，等级：特色型`. */
export function standingLine(ctx: SentenceContext): string {
  const e = ctx.explanation;
  const words = EXPLAIN_WORDS[ctx.lang];
  const rank = words.of(Number.isFinite(e.rank) ? String(e.rank) : NO_VALUE, e.regions);
  const tier = e.tier >= 0 ? tierName(ctx, e.tier) : NO_VALUE;
  const hasTiers = e.table.framework.tiers !== undefined;
  if (ctx.lang === 'zh') return `得分 ${formatPoints(e.score)}，排名 ${rank}${hasTiers ? `，等级：${tier}` : ''}`;
  return `Score ${formatPoints(e.score)}, rank ${rank}${hasTiers ? `, tier: ${tier}` : ''}`;
}
