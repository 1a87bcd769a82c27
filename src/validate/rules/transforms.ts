/**
 * A transform applies to the raw value and to the normalisation's constants alike (DESIGN.md),
 * so every bound the author wrote — range ends, goalposts, target — must lie in the transform's
 * domain: log and log10 need > 0, log1p > −1, sqrt ≥ 0.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { Transform } from '../../model/framework.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { effectiveNormalise, effectiveTransform, normaliseConstants, normaliseSpecOf } from './indicator-settings.js';
import { formatNumber, isMap, isNumber, itemsOf } from './untrusted.js';

type DomainTransform = Exclude<Transform, 'none'>;
const DOMAIN_TRANSFORMS: readonly DomainTransform[] = ['log', 'log10', 'log1p', 'sqrt'];

interface Domain {
  readonly holds: (x: number) => boolean;
  /** How the domain is written in messages. */
  readonly text: string;
}

/** The values each transform is defined on; `none` takes any number. */
export const TRANSFORM_DOMAINS: Readonly<Record<DomainTransform, Domain>> = {
  log: { holds: (x) => x > 0, text: '> 0' },
  log10: { holds: (x) => x > 0, text: '> 0' },
  log1p: { holds: (x) => x > -1, text: '> -1' },
  sqrt: { holds: (x) => x >= 0, text: '>= 0' },
};

interface Bound {
  readonly name: string;
  readonly value: number;
  readonly path: DocumentPath;
  /** True for a goalpost or target taken from `defaults.normalise`. */
  readonly isInherited: boolean;
}

/** Range ends, goalposts and target (own or inherited) all lie in the domain of the transform that applies. */
export function transformDomainsContainBounds(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const diagnostics: Diagnostic[] = [];
  const report = (owner: string, transform: DomainTransform, bound: Bound, at: DocumentPath) =>
    diagnostics.push(
      makeDiagnostic(
        'transform-domain',
        { owner, transform, bound: bound.name, value: formatNumber(bound.value), domain: TRANSFORM_DOMAINS[transform].text },
        ctx.locate(at),
      ),
    );

  // defaults.transform with defaults.normalise: reported once here, not once per indicator inheriting both.
  const defaults = tree.root['defaults'];
  if (isMap(defaults)) {
    const transform = defaults['transform'];
    const spec = normaliseSpecOf(defaults['normalise']);
    const t = DOMAIN_TRANSFORMS.find((candidate) => candidate === transform);
    if (spec && t) {
      for (const c of normaliseConstants(spec, ['defaults', 'normalise'])) {
        if (!TRANSFORM_DOMAINS[t].holds(c.value)) report('defaults', t, { ...c, isInherited: false }, c.path);
      }
    }
  }

  for (const indicator of tree.indicators) {
    const transform = effectiveTransform(indicator, tree.root);
    const normalise = effectiveNormalise(indicator, tree.root);
    if (!transform || transform.value === 'none') continue;
    const t = transform.value;
    const bounds: Bound[] = [];
    itemsOf(indicator.value['range']).slice(0, 2).forEach((end, i) => {
      if (isNumber(end)) bounds.push({ name: i === 0 ? 'range min' : 'range max', value: end, path: [...indicator.path, 'range', i], isInherited: false });
    });
    if (normalise?.path) {
      for (const c of normaliseConstants(normalise.value, normalise.path)) bounds.push({ ...c, isInherited: normalise.isInherited });
    }
    for (const bound of bounds) {
      if (TRANSFORM_DOMAINS[t].holds(bound.value)) continue;
      if (bound.isInherited && transform.isInherited) continue; // the defaults check above covers it
      // A constant from defaults clashes with this indicator's own transform: point at the transform.
      const at = bound.isInherited && transform.path ? transform.path : bound.path;
      report(labelOf(indicator), t, bound, at);
    }
  }
  return diagnostics;
}

const DATA_DRIVEN_METHODS: ReadonlySet<string> = new Set(['minmax', 'zscore', 'rank']);

/**
 * A transform under minmax, zscore or rank has no constant to check, so without a `range` the
 * first value outside the domain is found only when scoring rejects it.
 */
export function transformsHaveRange(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const diagnostics: Diagnostic[] = [];
  for (const indicator of tree.indicators) {
    const transform = effectiveTransform(indicator, tree.root);
    const normalise = effectiveNormalise(indicator, tree.root);
    if (!transform || transform.value === 'none' || !normalise || !DATA_DRIVEN_METHODS.has(normalise.value.method)) continue;
    if (indicator.value['range'] !== undefined) continue;
    diagnostics.push(
      makeDiagnostic(
        'transform-without-range',
        {
          indicator: labelOf(indicator),
          transform: transform.value,
          method: normalise.value.method,
          domain: TRANSFORM_DOMAINS[transform.value].text,
          inherited: transform.isInherited,
        },
        ctx.locate(transform.isInherited ? indicator.path : [...indicator.path, 'transform']),
      ),
    );
  }
  return diagnostics;
}
