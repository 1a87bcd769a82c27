/** The uncertainty file: located diagnostics for every bad spec (codes and positions, not sentences). */
import { describe, expect, it } from 'vitest';
import { parseSensitivitySpecText } from '../../src/load/sensitivity-spec.js';
import { resolveFramework } from '../../src/validate/resolve.js';

// Two levels of groups (d → g) so that weight levels 1 and 2 exist and 3 does not.
const framework = resolveFramework({
  format: 'dgmi/1',
  id: 't',
  name: { en: 't' },
  dimensions: [
    { id: 'd1', name: { en: 'd1' }, groups: [{ id: 'g1', name: { en: 'g1' }, indicators: [{ id: 'a', name: { en: 'a' } }] }] },
    { id: 'd2', name: { en: 'd2' }, indicators: [{ id: 'b', name: { en: 'b' } }] },
  ],
});

const check = (text: string, overrides = {}) => parseSensitivitySpecText(text, 'u.yaml', framework, overrides);
const found = (text: string) => check(text).diagnostics.map((d) => [d.code, d.line, d.column]);

describe('sensitivity spec', () => {
  it('a good spec: defaults filled in, assumptions in a fixed order, CLI overrides win', () => {
    const { spec, diagnostics } = check('assumptions:\n  aggregate: [arithmetic, geometric]\n  weights: [{ level: 1, noise: 0.25 }]\n');
    expect(diagnostics).toEqual([]);
    expect(spec).toEqual({
      method: 'uncertainty',
      runs: 1000,
      seed: 1,
      bootstrap: 1000,
      assumptions: [
        { kind: 'weights', levels: [{ level: 1, noise: 0.25 }] },
        { kind: 'aggregate', options: ['arithmetic', 'geometric'] },
      ],
    });
    expect(check('runs: 10\nseed: 3\nassumptions: { normalise: [minmax, rank] }\n', { runs: 20, method: 'sobol' }).spec).toMatchObject({ runs: 20, seed: 3, method: 'sobol' });
  });

  it('an unknown assumption: located at its key, with a suggestion', () => {
    const { diagnostics } = check('assumptions:\n  weight: [{ level: 1, noise: 0.2 }]\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.args['suggestion']])).toEqual([['schema-unknown-field', 2, 3, 'weights']]);
  });

  it('noise outside [0, 1): located at the value', () => {
    expect(found('assumptions:\n  weights:\n    - { level: 1, noise: 1 }\n    - { level: 2, noise: -0.1 }\n')).toEqual([
      ['sensitivity-out-of-range', 3, 26],
      ['sensitivity-out-of-range', 4, 26],
    ]);
  });

  it('runs: 0 in the file', () => {
    expect(found('runs: 0\nassumptions: { aggregate: [arithmetic, geometric] }\n')).toEqual([['sensitivity-out-of-range', 1, 7]]);
  });

  it('a normalisation the framework cannot use, and an unknown one with a suggestion', () => {
    const { diagnostics } = check('assumptions:\n  normalise: [minmax, goalpost]\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['sensitivity-normalise-unusable', 2, 23]]);
    const unknown = check('assumptions:\n  normalise: [minmax, zscor]\n').diagnostics;
    expect(unknown.map((d) => [d.code, d.line, d.column, d.args['suggestion']])).toEqual([['schema-enum', 2, 23, 'zscore']]);
  });

  it('raw z-scores with a geometric mean (negative inputs) are refused', () => {
    expect(found('assumptions:\n  normalise: [minmax, zscore-raw]\n  aggregate: [arithmetic, geometric]\n')).toEqual([['sensitivity-normalise-negative', 2, 23]]);
  });

  it('winsorisation limits on a framework that treats nothing: located at the key', () => {
    expect(found('assumptions:\n  winsorise: [1, 5]\n  aggregate: [arithmetic, geometric]\n')).toEqual([['sensitivity-winsorise-untreated', 2, 3]]);
  });

  it('winsorisation limits: whole numbers ≥ 0, distinct; accepted on a framework that treats', () => {
    expect(found('assumptions:\n  winsorise: [1, -2]\n')).toEqual([['sensitivity-out-of-range', 2, 18]]);
    const fraction = check('assumptions:\n  winsorise: [1.5]\n').diagnostics;
    expect(fraction.map((d) => [d.code, d.line, d.column, d.args['expected']])).toEqual([['schema-type', 2, 15, 'a whole number']]);
    const treated = resolveFramework({
      format: 'dgmi/1',
      id: 't',
      name: { en: 't' },
      treat: { method: 'winsorise' },
      dimensions: [{ id: 'd1', name: { en: 'd1' }, indicators: [{ id: 'a', name: { en: 'a' } }, { id: 'b', name: { en: 'b' } }] }],
    });
    const repeated = parseSensitivitySpecText('assumptions:\n  winsorise: [1, 3, 1]\n', 'u.yaml', treated, {});
    expect(repeated.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['sensitivity-option-duplicate', 2, 21]]);
    const good = parseSensitivitySpecText('assumptions:\n  winsorise: [1, 2, 3, 4, 5]\n', 'u.yaml', treated, {});
    expect(good.diagnostics).toEqual([]);
    expect(good.spec?.assumptions).toEqual([{ kind: 'winsorise', options: [1, 2, 3, 4, 5] }]);
  });

  it('a weight level the framework does not have, a repeated option', () => {
    expect(found('assumptions:\n  weights: [{ level: 3, noise: 0.2 }]\n  aggregate: [geometric, geometric]\n')).toEqual([
      ['sensitivity-weights-level-empty', 2, 22],
      ['sensitivity-option-duplicate', 3, 26],
    ]);
  });

  it('nothing uncertain: one option each and no noise', () => {
    expect(found('assumptions:\n  aggregate: [arithmetic]\n  weights: [{ level: indicators, noise: 0 }]\n')).toEqual([['sensitivity-no-assumptions', 1, 1]]);
  });

  it('a wrong format, a missing assumptions key, YAML syntax errors', () => {
    expect(found('format: dgmi-sensitivity/2\nassumptions: { aggregate: [arithmetic, geometric] }\n')).toEqual([['sensitivity-format-unsupported', 1, 9]]);
    expect(check('runs: 5\n').diagnostics.map((d) => d.code)).toEqual(['schema-required']);
    expect(check('assumptions: [\n').diagnostics[0]?.code).toBe('yaml-syntax');
    expect(check('   \n').diagnostics.map((d) => d.code)).toEqual(['file-empty']);
  });

  it('normalisations with their own range: accepted as objects, their fields checked and located', () => {
    const { spec } = check('assumptions:\n  normalise: [{ method: minmax, range: [1, 100] }, { method: zscore, mean: 10, sd: 2 }]\n');
    expect(spec?.assumptions).toEqual([{ kind: 'normalise', options: [{ method: 'minmax', range: [1, 100] }, { method: 'zscore', mean: 10, sd: 2 }] }]);
    expect(found('assumptions:\n  normalise: [minmax, { method: zscore, mean: 10, sd: 0 }]\n')).toEqual([['sensitivity-out-of-range', 2, 55]]);
    expect(found('assumptions:\n  normalise: [minmax, { method: minmax, rnage: [1, 100] }]\n').map((f) => f[0])).toEqual(['schema-required', 'schema-unknown-field']);
    expect(found('assumptions:\n  normalise: [minmax, { method: median }]\n')).toEqual([['schema-type', 2, 23]]);
  });
});
