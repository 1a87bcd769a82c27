/**
 * The groups and indicators of an untrusted framework, each with its document path, found by
 * one guarded walk. Most rules look at every node, so they share this instead of each
 * re-walking (and re-guarding) `dimensions`.
 */
import { AGGREGATE_METHODS, type AggregateMethod } from '../../model/framework.js';
import type { DocumentPath } from '../../load/yaml.js';
import { isMap, itemsOf, type UntrustedMap } from './untrusted.js';

export interface GroupNode {
  readonly value: UntrustedMap;
  readonly path: DocumentPath;
  /** 1 for a dimension, 2 for its sub-groups, … */
  readonly depth: number;
  /** The group this one belongs to; undefined for a dimension. */
  readonly parent: GroupNode | undefined;
}

export interface IndicatorNode {
  readonly value: UntrustedMap;
  readonly path: DocumentPath;
  readonly parent: GroupNode;
}

export interface FrameworkTree {
  /** The whole document when it is a mapping; undefined otherwise (then there are no nodes). */
  readonly root: UntrustedMap | undefined;
  /** Every group, parents before children. */
  readonly groups: readonly GroupNode[];
  /** Every indicator, in the order of the walk (file order unless a group mixes children kinds). */
  readonly indicators: readonly IndicatorNode[];
}

/**
 * Walk `input` without trusting its shape: non-mapping items are skipped, and a node reached a
 * second time (YAML aliases can make a group contain itself) is not entered again.
 */
export function readFrameworkTree(input: unknown): FrameworkTree {
  if (!isMap(input)) return { root: undefined, groups: [], indicators: [] };
  const groups: GroupNode[] = [];
  const indicators: IndicatorNode[] = [];
  const entered = new Set<object>();

  const visitGroup = (value: UntrustedMap, path: DocumentPath, parent: GroupNode | undefined): void => {
    if (entered.has(value)) return;
    entered.add(value);
    const group: GroupNode = { value, path, depth: (parent?.depth ?? 0) + 1, parent };
    groups.push(group);
    itemsOf(value['groups']).forEach((child, i) => {
      if (isMap(child)) visitGroup(child, [...path, 'groups', i], group);
    });
    itemsOf(value['indicators']).forEach((child, i) => {
      if (isMap(child)) indicators.push({ value: child, path: [...path, 'indicators', i], parent: group });
    });
  };
  itemsOf(input['dimensions']).forEach((dimension, i) => {
    if (isMap(dimension)) visitGroup(dimension, ['dimensions', i], undefined);
  });
  return { root: input, groups, indicators };
}

/** The id of a node when it is a string (a number id is a schema error, not ours). */
export function idOf(node: { readonly value: UntrustedMap }): string | undefined {
  const id = node.value['id'];
  return typeof id === 'string' ? id : undefined;
}

/** A readable name for a node in messages: its id, or its path when the id is unusable. */
export function labelOf(node: { readonly value: UntrustedMap; readonly path: DocumentPath }): string {
  return idOf(node) ?? node.path.join('.');
}

/**
 * The aggregation method an `aggregate` field names (bare or `{ method }`); arithmetic when
 * absent; undefined when the value is not a known method (the schema reports that).
 */
export function aggregateMethodOf(value: unknown): AggregateMethod | undefined {
  if (value === undefined) return 'arithmetic';
  const method = isMap(value) ? value['method'] : value;
  return AGGREGATE_METHODS.find((m) => m === method);
}

/** Geometric and harmonic means collapse to zero (or are undefined) when a child is ≤ 0. */
export function isMultiplicative(method: AggregateMethod | undefined): boolean {
  return method === 'geometric' || method === 'harmonic';
}
