/**
 * `--format json`: the `dgmi-explain/1` document, for machines. Ids and numbers are
 * language-free; names are `{ zh, en }` objects; the few `text` fields are the sentences of the
 * table in `--lang`. Numbers are unrounded (scores are already rounded when the framework sets
 * `precision`); no value is `null`.
 *
 * ```jsonc
 * {
 *   "format": "dgmi-explain/1",
 *   "framework": { "id": "cn-dgdi", "version": "2024", "sha256": "…" },
 *   "inputs": [ { "path": "samples/provinces-2022.csv", "sha256": "…" } ],
 *   "scale": 100, "precision": 2,
 *   "region": { "code": "360000", "name": "江西", "group": "central" },
 *   "period": { "label": "2022", "chosen": "latest", "available": ["2021", "2022"] },  // chosen: requested | latest | only
 *   "score": 78.97, "rank": 9, "percentile": 0.74, "regions": 31,
 *   "tier": {                                  // null when the framework has no tiers
 *     "method": "rules",                       // or natural-breaks
 *     "level": 2, "id": "distinctive", "name": { "zh": "特色型", "en": "Distinctive" },
 *     "text": "排名 9 ≤ 13",                    // why, in --lang
 *     "trace": { … },                          // the level's RuleTrace (src/tier/rules.ts); null under natural breaks
 *     "edges": null                            // natural breaks: { min, max, count } of the class this period
 *   },
 *   "next": {                                  // null in the top tier (or without tiers)
 *     "level": 1, "id": "quality", "name": { … }, "text": "排名 9 > 8（差 1 位）", "trace": { … }, "edges": null,
 *     "composite": { "score": 81.3, "increase": 2.33, "rank": 8,
 *                    "ties": [ { "region": "370000", "name": "山东", "score": 81.3, "rank": 8 } ] },   // null: the composite alone cannot
 *     "dimensions": [ { "id": "effect", "score": 96.9, "increase": 14.4, "rank": 3, "ties": [ … ] } ],
 *     "othersHeldFixed": true,
 *     "classesMayShift": false                 // true under natural breaks
 *   },
 *   "dimensions": [ { "id": "organization", "name": { … }, "score": 78.18, "rank": 10, "contribution": 7.82 } ],
 *   "indicators": [                            // the searched indicators, most points per normalised point first
 *     { "id": "cross_province_items", "name": { … }, "unit": "count", "direction": "positive",
 *       "value": 402, "normalised": 68.25, "imputed": false,
 *       "effectiveWeight": 0.04375, "pointsPerUnit": 0.04375,
 *       "pointsPerUnitMethod": "effective-weight",          // or finite-difference
 *       "decimals": 0,                                       // the search grid: 10^-decimals
 *       "goal": { "status": "reachable", "value": 633, "change": 231, "short": 632,
 *                 "score": 80.36, "rank": 8, "tier": "quality" } }
 *       // or "goal": { "status": "unreachable", "reason": "range" | "bound" | "levels",
 *       //              "best": { "value": 2000, "score": 80.13, "rank": 9, "tier": "distinctive" } }
 *       // or "goal": null when there is no next tier
 *   ],
 *   "skipped": { "atMaximum": 13, "missing": 0, "beyondTop": 21 }, "top": 10,
 *   "assumptions": { "othersHeldFixed": true, "oneIndicatorAtATime": true, "searchedByRescoring": true },
 *   "diagnostics": []
 * }
 * ```
 */
import type { Lever } from '../../analyse/explain.js';
import { diagnosticEntry } from '../diagnostics/json.js';
import type { RescoreOutcome } from '../../analyse/explain-rescore.js';
import type { ScoreGoal, TierPlace } from '../../analyse/explain-tier.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import { plainPalette } from '../palette.js';
import { tierId } from '../results/labels.js';
import type { ExplainFormatter } from './formatter.js';
import { describeHeld, describeMissed, type SentenceContext } from './sentences.js';

export const EXPLAIN_FORMAT_ID = 'dgmi-explain/1';

/** A finite number, or null (JSON has no NaN). */
function num(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

function textOrNull(s: string): string | null {
  return s === '' ? null : s;
}


function goalEntry(goal: ScoreGoal) {
  return {
    score: num(goal.score),
    increase: num(goal.increase),
    rank: num(goal.rank),
    ties: goal.ties.map((t) => ({ region: t.region, name: textOrNull(t.name), score: num(t.score), rank: num(t.rank) })),
  };
}

function placeEntry(framework: ResolvedFramework, place: TierPlace) {
  const level = framework.tiers?.levels[place.level];
  return {
    level: place.level,
    id: place.id,
    name: level?.name ?? null,
    trace: place.trace ?? null,
    edges: place.edges ? { min: num(place.edges.min), max: num(place.edges.max), count: place.edges.count } : null,
  };
}

function outcomeEntry(framework: ResolvedFramework, outcome: RescoreOutcome) {
  return { value: num(outcome.value), score: num(outcome.score), rank: num(outcome.rank), tier: tierId(framework, outcome.tier) ?? null };
}

function leverEntry(framework: ResolvedFramework, lever: Lever) {
  const { indicator, goal } = lever;
  let goalJson: Record<string, unknown> | null = null;
  if (goal?.status === 'reachable') {
    const { score, rank, tier } = outcomeEntry(framework, goal.outcome);
    goalJson = { status: 'reachable', value: num(goal.value), change: num(goal.change), short: num(goal.short), score, rank, tier };
  } else if (goal?.status === 'unreachable') {
    goalJson = { status: 'unreachable', reason: goal.reason, best: outcomeEntry(framework, goal.best) };
  }
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit ?? null,
    direction: indicator.direction,
    value: num(lever.value),
    normalised: num(lever.normalised),
    imputed: lever.imputed,
    effectiveWeight: num(lever.effectiveWeight),
    pointsPerUnit: num(lever.leverage.pointsPerUnit),
    pointsPerUnitMethod: lever.leverage.method,
    decimals: lever.decimals,
    goal: goalJson,
  };
}

/** `--format json`: the `dgmi-explain/1` document (see the module comment), with a trailing newline. */
export const formatExplainJson: ExplainFormatter = (explanation, options) => {
  const e = explanation;
  const { framework, dataset } = e.table;
  const ctx: SentenceContext = { explanation: e, lang: options.lang, palette: plainPalette };
  const tier = e.tierExplanation;
  const current = tier?.current;
  const next = tier?.next;
  const document = {
    format: EXPLAIN_FORMAT_ID,
    framework: { id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null },
    inputs: dataset.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    scale: framework.scale,
    precision: framework.precision ?? null,
    region: { code: e.region, name: textOrNull(e.name), group: textOrNull(e.group) },
    period: { label: e.period.label, chosen: e.period.chosen, available: e.period.available },
    score: num(e.score),
    rank: num(e.rank),
    percentile: num(e.percentile),
    regions: e.regions,
    tier:
      tier && current
        ? { method: tier.method, ...placeEntry(framework, current), text: current.trace ? describeHeld(current.trace, ctx) : null }
        : null,
    next:
      tier && next
        ? {
            ...placeEntry(framework, next),
            text: next.trace ? describeMissed(next.trace, ctx) : null,
            composite: next.composite ? goalEntry(next.composite) : null,
            dimensions: next.dimensions.map((d) => ({ id: d.id, ...goalEntry(d) })),
            othersHeldFixed: true,
            classesMayShift: tier.method === 'natural-breaks',
          }
        : null,
    dimensions: e.dimensions.map((d) => ({
      id: d.id,
      name: framework.nodeById.get(d.id)?.name ?? null,
      score: num(d.score),
      rank: num(d.rank),
      contribution: num(d.contribution),
    })),
    indicators: e.levers.map((lever) => leverEntry(framework, lever)),
    skipped: e.skipped,
    top: e.top,
    assumptions: { othersHeldFixed: true, oneIndicatorAtATime: true, searchedByRescoring: true },
    diagnostics: (options.diagnostics ?? []).map((d) => diagnosticEntry(d, options.lang)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
