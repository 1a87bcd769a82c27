/**
 * Ids name columns of a submission, rows of the output and targets of tier rules, so one id
 * must mean one node: unique across dimensions, groups and indicators (the framework's own id
 * is a different namespace), and tier level ids unique among the tiers.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { RuleContext } from '../rule-context.js';
import { idOf, readFrameworkTree } from './framework-tree.js';
import { compareLocations } from './source-order.js';
import { isMap, itemsOf } from './untrusted.js';

interface IdSite {
  readonly id: string;
  readonly path: DocumentPath;
}

/**
 * Every later use of an id already used earlier in the file, located at that later id and
 * naming the line of the first. Sites are ordered by position, not by walk order, so "first"
 * means first in the file even when a group lists `indicators` before `groups`.
 */
function laterDuplicates(
  ctx: RuleContext,
  sites: readonly IdSite[],
  code: 'id-duplicate' | 'tier-id-duplicate',
): Diagnostic[] {
  const located = sites
    .map((site) => ({ ...site, at: ctx.locate([...site.path, 'id']) }))
    .sort((a, b) => compareLocations(a.at, b.at));
  const firstLine = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const site of located) {
    const first = firstLine.get(site.id);
    if (first === undefined) {
      firstLine.set(site.id, site.at.line ?? 0);
    } else {
      diagnostics.push(makeDiagnostic(code, { id: site.id, firstLine: first }, site.at));
    }
  }
  return diagnostics;
}

/** Dimension, group and indicator ids are unique across the whole file. */
export function idsAreUnique(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const sites: IdSite[] = [];
  for (const node of [...tree.groups, ...tree.indicators]) {
    const id = idOf(node);
    if (id !== undefined) sites.push({ id, path: node.path });
  }
  return laterDuplicates(ctx, sites, 'id-duplicate');
}

/** Tier level ids are unique among the tier levels. */
export function tierLevelIdsAreUnique(ctx: RuleContext): Diagnostic[] {
  const root: unknown = ctx.input;
  const tiers = isMap(root) ? root['tiers'] : undefined;
  if (!isMap(tiers)) return [];
  const sites: IdSite[] = [];
  itemsOf(tiers['levels']).forEach((level, i) => {
    const id = isMap(level) ? level['id'] : undefined;
    if (typeof id === 'string') sites.push({ id, path: ['tiers', 'levels', i] });
  });
  return laterDuplicates(ctx, sites, 'tier-id-duplicate');
}
