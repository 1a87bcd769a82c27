/**
 * Names are read by people in both languages: reports render in zh or en, and submissions may
 * head a column with either name. A name in one language only still works (the other falls
 * back to it), so that is a warning; two indicators with the same name make such a column
 * header ambiguous.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { readTierSet } from './tier-rule-sites.js';
import { isMap, type UntrustedMap } from './untrusted.js';

const LANGUAGES = ['zh', 'en'] as const;

function hasText(name: UntrustedMap, lang: (typeof LANGUAGES)[number]): boolean {
  const text = name[lang];
  return typeof text === 'string' && text.trim() !== '';
}

/** Every `name` (framework, groups, indicators, tier levels) gives both zh and en. */
export function namesHaveBothLanguages(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const owners: { value: UntrustedMap; path: DocumentPath; label: string }[] = [];
  if (tree.root) {
    const id = tree.root['id'];
    owners.push({ value: tree.root, path: [], label: typeof id === 'string' ? id : 'framework' });
  }
  for (const node of [...tree.groups, ...tree.indicators, ...(readTierSet(ctx.input)?.levels ?? [])]) {
    owners.push({ value: node.value, path: node.path, label: labelOf(node) });
  }
  const diagnostics: Diagnostic[] = [];
  for (const owner of owners) {
    const name = owner.value['name'];
    if (!isMap(name)) continue;
    const present = LANGUAGES.filter((lang) => hasText(name, lang));
    const missing = LANGUAGES.find((lang) => !present.includes(lang));
    if (present.length === 1 && missing !== undefined) {
      diagnostics.push(makeDiagnostic('name-missing-language', { owner: owner.label, missing }, ctx.locate([...owner.path, 'name'])));
    }
  }
  return diagnostics;
}

/** No two indicators share a zh or an en name, since a submission column may be headed by either. */
export function indicatorNamesAreUnique(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstOwner = new Map<string, string>();
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const name = indicator.value['name'];
    if (!isMap(name)) continue;
    // zh and en of one indicator may be equal (e.g. "GDP"); only another indicator's use clashes.
    const own = new Set<string>();
    for (const lang of LANGUAGES) {
      const text = name[lang];
      if (typeof text !== 'string' || text.trim() === '' || own.has(text.trim())) continue;
      const key = text.trim();
      own.add(key);
      const first = firstOwner.get(key);
      if (first === undefined) {
        firstOwner.set(key, labelOf(indicator));
      } else {
        diagnostics.push(
          makeDiagnostic('indicator-name-duplicate', { name: key, indicator: labelOf(indicator), first }, ctx.locate([...indicator.path, 'name', lang])),
        );
      }
    }
  }
  return diagnostics;
}
