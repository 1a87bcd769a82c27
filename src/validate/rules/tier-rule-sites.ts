/**
 * Every tier rule in a framework, nested ones included, with its path: the walk that the tier
 * rule checks share. Rules of a natural-breaks tier set are ignored by scoring (and warned about
 * as such), so their content is not walked.
 */
import type { DocumentPath } from '../../load/yaml.js';
import { isMap, itemsOf, type UntrustedMap } from './untrusted.js';

export type TierMethod = 'rules' | 'natural-breaks';

export interface TierSet {
  readonly value: UntrustedMap;
  /** undefined when `method` is not a known method (the schema reports that). */
  readonly method: TierMethod | undefined;
  readonly levels: readonly { readonly value: UntrustedMap; readonly path: DocumentPath }[];
}

export interface RuleSite {
  readonly value: unknown;
  readonly path: DocumentPath;
  /** True inside all/any/not; false for a level's own `rule`. */
  readonly isNested: boolean;
}

/** The keys a tier rule object may have; each rule object has exactly one. */
export const TIER_RULE_KEYS = ['score', 'rank', 'percentile', 'dimension', 'any_dimension', 'all', 'any', 'not'] as const;
export type TierRuleKey = (typeof TIER_RULE_KEYS)[number];

/** The measures a dimension test may use; each test has exactly one. */
export const TIER_MEASURES = ['score', 'rank', 'percentile'] as const;
export type TierMeasure = (typeof TIER_MEASURES)[number];

/** The `tiers` block of `input`, read leniently; undefined when there is none. */
export function readTierSet(input: unknown): TierSet | undefined {
  const tiers = isMap(input) ? input['tiers'] : undefined;
  if (!isMap(tiers)) return undefined;
  const method = tiers['method'] === undefined ? 'rules' : (['rules', 'natural-breaks'] as const).find((m) => m === tiers['method']);
  const levels: { value: UntrustedMap; path: DocumentPath }[] = [];
  itemsOf(tiers['levels']).forEach((level, i) => {
    if (isMap(level)) levels.push({ value: level, path: ['tiers', 'levels', i] });
  });
  return { value: tiers, method, levels };
}

/**
 * Every rule under a `rules` tier set, parents before children. A rule object reached twice
 * (YAML aliases can make a rule contain itself) is not entered again.
 */
export function tierRuleSites(input: unknown): RuleSite[] {
  const tiers = readTierSet(input);
  if (tiers?.method !== 'rules') return [];
  const sites: RuleSite[] = [];
  const entered = new Set<object>();
  const visit = (value: unknown, path: DocumentPath, isNested: boolean): void => {
    if (value === undefined) return;
    sites.push({ value, path, isNested });
    if (!isMap(value) || entered.has(value)) return;
    entered.add(value);
    for (const key of ['all', 'any'] as const) {
      itemsOf(value[key]).forEach((child, i) => visit(child, [...path, key, i], true));
    }
    visit(value['not'], [...path, 'not'], true);
  };
  for (const level of tiers.levels) visit(level.value['rule'], [...level.path, 'rule'], false);
  return sites;
}

/** The keys of a rule object that are rule kinds (in object order, which is not file order: see source-order.ts). */
export function ruleKeysOf(rule: UntrustedMap): TierRuleKey[] {
  return Object.keys(rule).flatMap((key) => TIER_RULE_KEYS.filter((k) => k === key));
}

/** The measures a dimension test names (in object order, which is not file order). */
export function measuresOf(test: UntrustedMap): TierMeasure[] {
  return Object.keys(test).flatMap((key) => TIER_MEASURES.filter((m) => m === key));
}

export interface BoundsSite {
  readonly measure: TierMeasure;
  readonly value: UntrustedMap;
  readonly path: DocumentPath;
}

/** Every bounds object under a `rules` tier set: `score`/`rank`/`percentile` rules and dimension tests. */
export function tierBoundsSites(input: unknown): BoundsSite[] {
  const sites: BoundsSite[] = [];
  const collect = (owner: UntrustedMap, path: DocumentPath) => {
    for (const measure of TIER_MEASURES) {
      const bounds = owner[measure];
      if (isMap(bounds)) sites.push({ measure, value: bounds, path: [...path, measure] });
    }
  };
  for (const site of tierRuleSites(input)) {
    if (!isMap(site.value)) continue;
    collect(site.value, site.path);
    for (const key of ['dimension', 'any_dimension'] as const) {
      const test = site.value[key];
      if (isMap(test)) collect(test, [...site.path, key]);
    }
  }
  return sites;
}
