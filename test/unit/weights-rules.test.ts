/**
 * The weighting rules (src/validate/rules/weighting.ts): each case is a small framework parsed
 * with the real YAML loader, so positions are real; expectations are `code@line:column`,
 * counted by hand from the YAML right above them.
 */
import { describe, expect, it } from 'vitest';
import { WEIGHTS_MESSAGES } from '../../src/diagnostics/codes/weights.js';
import { MESSAGES, renderHint, renderMessage } from '../../src/diagnostics/messages.js';
import { parseYaml } from '../../src/load/yaml.js';
import { FrameworkSchema, type FrameworkInput } from '../../src/model/framework.js';
import type { FrameworkRule, RuleContext } from '../../src/validate/rule-context.js';
import {
  ahpMatricesAreConsistent,
  ahpMatricesAreWellFormed,
  combineListsAreValid,
  derivedWeightingHasSiblings,
  weightingParametersAreValid,
} from '../../src/validate/rules/weighting.js';
import { FRAMEWORK_RULES } from '../../src/validate/rules/index.js';

function yaml(text: string): string {
  const lines = text.replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */u.exec(l)?.[0].length ?? 0));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

function contextOf(text: string): RuleContext {
  const { source, diagnostics } = parseYaml(text, 'framework.yaml');
  if (!source) throw new Error(`test YAML does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  const schema = FrameworkSchema.safeParse(source.value);
  const input = schema.success ? schema.data : (source.value as FrameworkInput);
  return { file: 'framework.yaml', input, isSchemaValid: schema.success, locate: source.locate };
}

function found(rule: FrameworkRule, text: string): string[] {
  return rule(contextOf(text)).map((d) => `${d.code}@${d.line ?? '-'}:${d.column ?? '-'}`);
}

function schemaIssues(text: string): unknown[] {
  const { source } = parseYaml(text, 'framework.yaml');
  return FrameworkSchema.safeParse(source?.value).error?.issues ?? [];
}

/** A framework with `GROUP` replaced by the group's weighting lines (at 4 spaces). */
function withGroup(lines: string, indicators = ['a', 'b', 'c']): string {
  return yaml(`
    format: dgmi/1
    id: fw
    name: { zh: 框架, en: Framework }
    dimensions:
      - id: g
        name: { zh: 组, en: Group }
${lines
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => `        ${l.trim().startsWith('- ') || l.startsWith('  ') ? l : l.trim()}`)
  .join('\n')}
        indicators:
${indicators.map((id) => `          - { id: ${id}, name: { zh: ${id}, en: ${id} } }`).join('\n')}
      - id: h
        name: { zh: 另一组, en: Other }
        indicators:
          - { id: z, name: { zh: z, en: z } }
  `);
}

describe('the weighting keys', () => {
  it('pass the schema and every rule in a well-formed framework', () => {
    const text = withGroup(`
weighting: { method: entropy, shift: 0.01 }
weighting_scope: pooled
aggregate: { method: grey-relational, rho: 0.5 }`);
    expect(schemaIssues(text)).toEqual([]);
    for (const rule of FRAMEWORK_RULES) expect(found(rule, text)).toEqual([]);
  });

  it('accept AHP fractions and a combine list', () => {
    const text = withGroup(`
ahp: { matrix: [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]] }
combine: [{ method: ahp, share: 0.5 }, { method: critic, share: 0.5 }]`);
    expect(schemaIssues(text)).toEqual([]);
    for (const rule of FRAMEWORK_RULES) expect(found(rule, text)).toEqual([]);
  });

  it('reject an unknown weighting method in the schema', () => {
    expect(schemaIssues(withGroup('weighting: entropie')).length).toBeGreaterThan(0);
  });
});

describe('derivedWeightingHasSiblings', () => {
  it('flags a derived weighting over a single child (entropy is undefined for one)', () => {
    // line 7: "    weighting: entropy" → the value at column 16
    expect(found(derivedWeightingHasSiblings, withGroup('weighting: entropy', ['a']))).toEqual(['weighting-one-child@7:16']);
    expect(found(derivedWeightingHasSiblings, withGroup('weighting: fixed', ['a']))).toEqual([]);
  });
});

describe('combineListsAreValid', () => {
  it('needs a list for weighting: combine, and no list under another method', () => {
    expect(found(combineListsAreValid, withGroup('weighting: combine'))).toEqual(['weighting-combine-missing@7:16']);
    // line 8: "    combine: [...]" → the value at column 14
    expect(found(combineListsAreValid, withGroup('weighting: critic\ncombine: [{ method: critic, share: 1 }]'))).toEqual(['weighting-combine-conflict@8:14']);
  });

  it('needs positive shares', () => {
    // line 7: "    combine: [{ method: critic, share: 0 }, ...]": the 0 sits at column 40
    expect(found(combineListsAreValid, withGroup('combine: [{ method: critic, share: 0 }, { method: cv, share: 1 }]'))).toEqual(['weighting-share-not-positive@7:40']);
  });
});

describe('weightingParametersAreValid', () => {
  it('needs 0 < rho ≤ 1 under grey-relational, and flags rho elsewhere', () => {
    // line 7: "    aggregate: { method: grey-relational, rho: 1.5 }": 1.5 at column 48
    expect(found(weightingParametersAreValid, withGroup('aggregate: { method: grey-relational, rho: 1.5 }'))).toEqual(['aggregate-rho-invalid@7:48']);
    expect(found(weightingParametersAreValid, withGroup('aggregate: { method: topsis, rho: 0.5 }'))).toEqual(['aggregate-rho-unused@7:39']);
  });

  it('needs a non-negative entropy shift', () => {
    expect(found(weightingParametersAreValid, withGroup('weighting: { method: entropy, shift: -1 }'))).toEqual(['weighting-shift-invalid@7:42']);
  });
});

describe('ahpMatricesAreWellFormed', () => {
  it('needs a matrix for weighting: ahp and flags an unused one', () => {
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp'))).toEqual(['weighting-ahp-missing@7:16']);
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: entropy\nahp: { matrix: [[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]] }'))).toEqual(['weighting-ahp-unused@8:10']);
  });

  it('flags a non-square matrix at the short row', () => {
    // line 7: "    ahp: { matrix: [[1, 2, 4], [0.5, 1], [0.25, 0.5, 1]] }": row 2 "[0.5, 1]" at column 32
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 2, 4], [0.5, 1], [0.25, 0.5, 1]] }'))).toEqual(['ahp-not-square@8:32']);
    // a 2 × 2 matrix for 3 children: its first row already falls short, "[1, 2]" at column 21
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 2], [0.5, 1]] }'))).toEqual(['ahp-not-square@8:21']);
    // rows of the right length but a row missing: the matrix as a whole, at column 20
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 2, 4], [0.5, 1, 2]] }'))).toEqual([
      'ahp-not-square@8:20',
    ]);
  });

  it('flags non-positive and unreadable entries, and a diagonal other than 1', () => {
    // "    ahp: { matrix: [[1, 0, 4], [x, 1, 2], [0.25, 0.5, 2]] }": 0 at 25, "x" at 33, the last 2 at 55
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 0, 4], [x, 1, 2], [0.25, 0.5, 2]] }'))).toEqual([
      'ahp-entry-invalid@8:25',
      'ahp-entry-invalid@8:33',
      'ahp-diagonal-not-one@8:55',
    ]);
  });

  it('flags a reciprocal-violating pair at the entry below the diagonal', () => {
    // a_12 = 3 but a_21 = 3 (should be 1/3): "    ahp: { matrix: [[1, 3, 4], [3, 1, 2], ["1/4", "1/2", 1]] }": a_21 at 33
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 3, 4], [3, 1, 2], ["1/4", "1/2", 1]] }'))).toEqual(['ahp-not-reciprocal@8:33']);
    // two-decimal reciprocals (0.33 for 1/3) are accepted
    expect(found(ahpMatricesAreWellFormed, withGroup('weighting: ahp\nahp: { matrix: [[1, 3, 5], [0.33, 1, 2], [0.2, 0.5, 1]] }'))).toEqual([]);
  });
});

describe('ahpMatricesAreConsistent', () => {
  // Saaty's brightness matrix (CR 0.145), for four children.
  const saaty = 'weighting: ahp\nahp: { matrix: [[1, 5, 6, 7], ["1/5", 1, 4, 6], ["1/6", "1/4", 1, 4], ["1/7", "1/6", "1/4", 1]] }';

  it('is an error at CR ≥ 0.1, naming the CR and the most inconsistent pair', () => {
    const diagnostics = ahpMatricesAreConsistent(contextOf(withGroup(saaty, ['a', 'b', 'c', 'd'])));
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['ahp-inconsistent@8:20']);
    expect(diagnostics[0]?.args).toMatchObject({ cr: 0.145, first: 'a', second: 'd', limit: 0.1 });
    expect(diagnostics[0]?.severity).toBe('error');
  });

  it('is a warning when max_cr accepts it, and an error again when max_cr is below the CR', () => {
    const accepted = withGroup(saaty.replace('] }', '], max_cr: 0.15 }'), ['a', 'b', 'c', 'd']);
    const [warning] = ahpMatricesAreConsistent(contextOf(accepted));
    expect(warning?.code).toBe('ahp-inconsistent-accepted');
    expect(warning?.severity).toBe('warning');
    const strict = withGroup(saaty.replace('] }', '], max_cr: 0.12 }'), ['a', 'b', 'c', 'd']);
    expect(ahpMatricesAreConsistent(contextOf(strict)).map((d) => d.code)).toEqual(['ahp-inconsistent']);
  });

  it('passes a consistent matrix', () => {
    expect(found(ahpMatricesAreConsistent, withGroup('weighting: ahp\nahp: { matrix: [[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]] }'))).toEqual([]);
  });
});

describe('the weights catalog', () => {
  it('words every code in both languages, and is merged into MESSAGES', () => {
    for (const [code, spec] of Object.entries(WEIGHTS_MESSAGES)) {
      expect(code in MESSAGES).toBe(true);
      const d = { code, severity: spec.severity, message: '', args: { group: 'g', method: 'entropy', period: '2022', reason: 'all-constant', child: 'a' }, file: 'f' };
      expect(renderMessage(d, 'en')).not.toBe('');
      expect(renderMessage(d, 'zh')).toMatch(/[\u4e00-\u9fff]/u);
      if ('hint' in spec) expect(renderHint(d, 'zh')).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
