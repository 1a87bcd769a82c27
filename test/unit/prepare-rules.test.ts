/**
 * The semantic rules for the preparation keys (denominator, screen, treat). Each case is a small
 * framework parsed with the real YAML loader, so positions are real; line:column of each
 * finding is counted by hand from the YAML shown above it. Codes, not wording, are asserted.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { PREPARE_MESSAGES } from '../../src/diagnostics/codes/prepare.js';
import { renderHint, renderMessage } from '../../src/diagnostics/messages.js';
import { parseYaml } from '../../src/load/yaml.js';
import { FrameworkSchema, type FrameworkInput } from '../../src/model/framework.js';
import type { FrameworkRule } from '../../src/validate/rule-context.js';
import { FRAMEWORK_RULES } from '../../src/validate/rules/index.js';
import {
  denominatorFactorsArePositive,
  denominatorsAreDataColumns,
  screenCoverageIsAShare,
  treatLimitsAreValid,
  treatmentsFitMeasuredIndicators,
} from '../../src/validate/rules/preparation.js';

function run(rule: FrameworkRule, text: string): Diagnostic[] {
  const { source, diagnostics } = parseYaml(text, 'framework.yaml');
  if (!source) throw new Error(`test YAML does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  const schema = FrameworkSchema.safeParse(source.value);
  const input = schema.success ? schema.data : (source.value as FrameworkInput);
  return rule({ file: 'framework.yaml', input, isSchemaValid: schema.success, locate: source.locate });
}

const found = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.line, d.column]);

/** Lines 1–8; the indicator list starts on line 7. */
const head = (top: string) => `format: dgmi/1
id: t
name: { en: T, zh: 测试 }
${top}
dimensions:
  - { id: d, name: { en: D, zh: 维度 }, indicators: [
`;

describe('screenCoverageIsAShare', () => {
  it.each([
    ['0', true],
    ['-0.5', true],
    ['1.5', true],
    ['1', false],
    ['0.9', false],
  ])('min_coverage %s → finding %s', (value, isFinding) => {
    const text = `${head(`screen: { min_coverage: ${value} }`)}      { id: a, name: { en: A, zh: 甲 } } ] }\n`;
    // Line 4: `screen: { min_coverage: …` — the value starts at column 25.
    expect(found(run(screenCoverageIsAShare, text))).toEqual(isFinding ? [['screen-coverage-not-share', 'error', 4, 25]] : []);
  });
});

describe('denominator rules', () => {
  const text = `format: dgmi/1
id: t
name: { en: T, zh: 测试 }
columns: { region: code }
dimensions:
  - id: d
    name: { en: D, zh: 维度 }
    indicators:
      - id: a
        name: { en: A, zh: 甲 }
        denominator: b
        denominator_factor: 0
      - id: b
        name: { en: B, zh: 乙 }
        denominator_factor: 10
      - id: c
        name: { en: C, zh: 丙 }
        denominator: code
      - id: e
        name: { en: E, zh: 戊 }
        denominator: Population
        denominator_factor: 10000
`;

  it('denominatorFactorsArePositive: a factor ≤ 0 is an error; a factor without a denominator a warning', () => {
    expect(found(run(denominatorFactorsArePositive, text))).toEqual([
      ['denominator-factor-not-positive', 'error', 12, 29],
      ['denominator-factor-without-denominator', 'warning', 15, 29],
    ]);
  });

  it('denominatorsAreDataColumns: an indicator or a row column is no denominator', () => {
    const diagnostics = run(denominatorsAreDataColumns, text);
    expect(found(diagnostics)).toEqual([
      ['denominator-is-not-data-column', 'error', 11, 22],
      ['denominator-is-not-data-column', 'error', 18, 22],
    ]);
    expect(diagnostics.map((d) => d.args['role'])).toEqual(['indicator', 'region']);
  });
});

describe('treat rules', () => {
  const text = `format: dgmi/1
id: t
name: { en: T, zh: 测试 }
treat: { method: winsorise, skew: 0, kurtosis: 3.5, max_points: -1 }
dimensions:
  - id: d
    name: { en: D, zh: 维度 }
    indicators:
      - id: yes
        name: { en: Y, zh: 是否 }
        unit: boolean
        treat: { method: winsorise }
      - id: lvl
        name: { en: L, zh: 等级 }
        levels: { low: 0, high: 1 }
        treat: none
      - id: lvl2
        name: { en: L2, zh: 等级二 }
        levels: { low: 0, high: 1 }
        treat: { method: winsorise, max_points: 2.5 }
`;

  it('treatmentsFitMeasuredIndicators: an own treat on a boolean or levels indicator is an error; treat: none is fine', () => {
    const diagnostics = run(treatmentsFitMeasuredIndicators, text);
    expect(found(diagnostics)).toEqual([
      ['treat-on-categorical', 'error', 12, 16],
      ['treat-on-categorical', 'error', 20, 16],
    ]);
    expect(diagnostics.map((d) => d.args['kind'])).toEqual(['boolean', 'levels']);
  });

  it('treatLimitsAreValid: skew and kurtosis > 0, max_points a whole number ≥ 0, at the top level and per indicator', () => {
    expect(found(run(treatLimitsAreValid, text))).toEqual([
      ['treat-limit-invalid', 'error', 4, 35],
      ['treat-limit-invalid', 'error', 4, 65],
      ['treat-limit-invalid', 'error', 20, 49],
    ]);
  });
});

describe('the preparation rules in the catalog and the rule list', () => {
  it('are registered, run without throwing on a non-mapping document, and have both languages', () => {
    for (const rule of [screenCoverageIsAShare, denominatorFactorsArePositive, denominatorsAreDataColumns, treatmentsFitMeasuredIndicators, treatLimitsAreValid]) {
      expect(FRAMEWORK_RULES).toContain(rule);
      expect(run(rule, '- just a list\n')).toEqual([]);
    }
    for (const [code, spec] of Object.entries(PREPARE_MESSAGES)) {
      const d = { code, severity: spec.severity, message: '', args: { indicator: 'x', region: 'r', period: '2024', column: 'pop' }, file: 'f' };
      expect(renderMessage(d, 'zh'), code).not.toBe('');
      expect(renderMessage(d, 'en'), code).not.toBe('');
      if ('hint' in spec) expect(renderHint(d, 'zh'), code).toBeTruthy();
    }
  });
});
