/**
 * The semantic rules of `dgmi validate`, one describe per rule family. Each case is a small
 * framework written inline, parsed with the real YAML loader so positions are real; the test
 * asserts codes and `line:column` (1-based), never wording. Line and column of each expected
 * finding are counted by hand from the YAML shown right above it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { MESSAGES, renderHint, renderMessage } from '../../src/diagnostics/messages.js';
import { RULES_MESSAGES } from '../../src/diagnostics/codes/rules.js';
import { parseYaml } from '../../src/load/yaml.js';
import { FrameworkSchema, type FrameworkInput } from '../../src/model/framework.js';
import type { FrameworkRule, RuleContext } from '../../src/validate/rule-context.js';
import { FRAMEWORK_RULES } from '../../src/validate/rules/index.js';
import { minimumGroupsHaveNoWeights, multiplicativeChildrenAvoidZero, zscoresAreNotUnderMultiplicativeParents } from '../../src/validate/rules/aggregation.js';
import { columnsAreDistinct, idsAreNotColumnNames } from '../../src/validate/rules/columns.js';
import { groupsHaveOneKindOfChildren } from '../../src/validate/rules/group-children.js';
import { idsAreUnique, tierLevelIdsAreUnique } from '../../src/validate/rules/ids.js';
import { levelsAreDistinct, levelsAreNotEmpty, levelsLieInRange } from '../../src/validate/rules/levels.js';
import { indicatorNamesAreUnique, namesHaveBothLanguages } from '../../src/validate/rules/names.js';
import { noneNormalisedRangesLieInUnitInterval } from '../../src/validate/rules/none-normalise.js';
import { goalpostsAreOrdered, goalpostsLieInRange, targetsArePositive, targetsLieInRange } from '../../src/validate/rules/normalise-constants.js';
import { rangesAreOrdered } from '../../src/validate/rules/ranges.js';
import { precisionIsSmallInteger, scaleIsPositive } from '../../src/validate/rules/scale-and-precision.js';
import { percentileBoundsAreShares, rankBoundsAreAtLeastOne, scoreBoundsAreReachable, tierBoundsAreNotEmpty, tierBoundsAreOrdered } from '../../src/validate/rules/tier-bounds.js';
import { naturalBreaksHaveTwoLevels, naturalBreaksLevelsHaveNoRules, otherwiseEndsTheTiers, tierLevelsHaveRules } from '../../src/validate/rules/tier-levels.js';
import { dimensionTestsHaveOneMeasure, otherwiseIsNotNested, tierDimensionsExist, tierRulesHaveOneKey } from '../../src/validate/rules/tier-rules.js';
import { transformDomainsContainBounds, transformsHaveRange } from '../../src/validate/rules/transforms.js';
import { booleanUnitsHaveNoLevels, percentRangesLieInHundred } from '../../src/validate/rules/units.js';
import { weightsArePositive } from '../../src/validate/rules/weights.js';

/** Strip the common indentation of a template literal, so line 1 is the first line after the backtick. */
function yaml(text: string): string {
  const lines = text.replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */u.exec(l)?.[0].length ?? 0));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

/** `text` with `from` replaced by `to`; throws when `from` is absent, so a variant never silently equals its base. */
function variant(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`variant: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

/**
 * As the validate pipeline builds it: rules see zod's output when the schema passes (its keys in
 * schema order, not file order) and the raw YAML value otherwise.
 */
function contextOf(text: string, isSchemaValid = true): RuleContext {
  const { source, diagnostics } = parseYaml(text, 'framework.yaml');
  if (!source) throw new Error(`test YAML does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  const schema = FrameworkSchema.safeParse(source.value);
  const input = schema.success ? schema.data : (source.value as FrameworkInput);
  return { file: 'framework.yaml', input, isSchemaValid, locate: source.locate };
}

function run(rule: FrameworkRule, text: string): Diagnostic[] {
  return rule(contextOf(text));
}

/** `code@line:column`, the form every expectation below is written in. */
function found(rule: FrameworkRule, text: string): string[] {
  return run(rule, text).map((d) => `${d.code}@${d.line ?? '-'}:${d.column ?? '-'}`);
}

/** A passing case must also pass the schema, so it is a framework an author could really write. */
function expectClean(rule: FrameworkRule, text: string): void {
  const { source } = parseYaml(text, 'framework.yaml');
  const schema = FrameworkSchema.safeParse(source?.value);
  expect(schema.error?.issues ?? []).toEqual([]);
  expect(found(rule, text)).toEqual([]);
}

/** A framework that every rule accepts; many cases below are this with one thing changed. */
const CLEAN = yaml(`
  format: dgmi/1
  id: fw
  name: { zh: 框架, en: Framework }
  dimensions:
    - id: access
      name: { zh: 可及, en: Access }
      weight: 2
      indicators:
        - id: portal
          name: { zh: 门户, en: Portal }
          range: [0, 100]
          unit: percent
          normalise: { method: goalpost, min: 0, max: 100 }
        - id: cdo
          name: { zh: 首席数据官, en: CDO }
          levels: { 未建立: 0, 试点: 1, 全面推行: 2 }
          range: [0, 2]
          normalise: { method: goalpost, min: 0, max: 2 }
    - id: effect
      name: { zh: 效果, en: Effect }
      groups:
        - id: hotline
          name: { zh: 热线, en: Hotline }
          indicators:
            - id: ontime
              name: { zh: 按时办结率, en: On-time rate }
              range: [0, 1]
              transform: sqrt
              normalise: { method: target, target: 0.95 }
  tiers:
    levels:
      - { id: leading, name: { zh: 引领型, en: Leading }, rule: { rank: { max: 4 } } }
      - { id: quality, name: { zh: 优质型, en: Quality }, rule: { any: [ { percentile: { min: 0.8 } }, { dimension: { id: effect, rank: { max: 3 } } } ] } }
      - { id: developing, name: { zh: 发展型, en: Developing }, rule: otherwise }
`);

describe('the clean framework', () => {
  it('passes the schema and every rule', () => {
    for (const rule of FRAMEWORK_RULES) expectClean(rule, CLEAN);
  });
});

describe('idsAreUnique', () => {
  it('accepts distinct ids, and a dimension id equal to the framework id (another namespace)', () => {
    expectClean(idsAreUnique, variant(CLEAN, 'id: fw', 'id: access'));
  });

  it('reports every later use at its id value, naming the line of the first', () => {
    const text = yaml(`
      format: dgmi/1
      id: fw
      name: { en: FW }
      dimensions:
        - id: access
          name: { en: A }
          indicators:
            - id: portal
              name: { en: P }
            - id: access
              name: { en: again }
            - id: portal
              name: { en: again }
    `);
    // line 10 "      - id: access": value starts at column 13 (6 spaces, "- ", "id: ");
    // line 12 the same for the second 'portal'. Both name their first use: lines 5 and 8.
    const diagnostics = run(idsAreUnique, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['id-duplicate@10:13', 'id-duplicate@12:13']);
    expect(diagnostics.map((d) => d.args['firstLine'])).toEqual([5, 8]);
  });

  it('takes "first" by position in the file, even when indicators are listed before sub-groups', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: x
          groups:
            - id: x
    `);
    // The walk visits groups before indicators, but the indicator on line 4 comes first in the file,
    // so the duplicate is the group id on line 6 (column 13: 6 spaces, "- ", "id: ").
    const diagnostics = run(idsAreUnique, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['id-duplicate@6:13']);
    expect(diagnostics[0]?.args['firstLine']).toBe(4);
  });
});

describe('tierLevelIdsAreUnique', () => {
  it('accepts distinct level ids', () => {
    expectClean(tierLevelIdsAreUnique, CLEAN);
  });

  it('reports a repeated level id', () => {
    const text = yaml(`
      tiers:
        levels:
          - { id: top, name: { en: Top }, rule: { rank: { max: 1 } } }
          - { id: top, name: { en: Rest }, rule: otherwise }
    `);
    // line 4: "    - { id: top" → the value 'top' starts at column 13.
    expect(found(tierLevelIdsAreUnique, text)).toEqual(['tier-id-duplicate@4:13']);
  });
});

describe('groupsHaveOneKindOfChildren', () => {
  it('accepts groups with only groups or only indicators (an empty other list counts as none)', () => {
    expectClean(groupsHaveOneKindOfChildren, variant(CLEAN, '    weight: 2\n', '    weight: 2\n    groups: []\n'));
  });

  it('reports both kinds at the key that comes second', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - { id: a, name: { en: A } }
          groups:
            - id: g
              indicators: [ { id: b, name: { en: B } } ]
    `);
    // `groups:` on line 5, column 5, comes after `indicators:` on line 3.
    expect(found(groupsHaveOneKindOfChildren, text)).toEqual(['group-mixed-children@5:5']);
  });

  it('reports a group with neither, at its empty list or else at the group', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators: []
        - id: e
          name: { en: E }
    `);
    // d: the key `indicators` at 3:5; e: the group mapping starts at its first key, 4:5.
    expect(found(groupsHaveOneKindOfChildren, text)).toEqual(['group-no-children@3:5', 'group-no-children@4:5']);
  });
});

describe('weightsArePositive', () => {
  it('accepts finite positive weights', () => {
    expectClean(weightsArePositive, CLEAN);
  });

  it('reports 0, negative, .inf and .nan at the weight value', () => {
    const text = yaml(`
      dimensions:
        - id: a
          weight: 0
          indicators:
            - { id: a1, weight: -1 }
            - { id: a2, weight: .inf }
            - { id: a3, weight: .nan }
            - { id: a4, weight: 0.5 }
    `);
    // 3:13 "    weight: 0"; in the flow maps the weight value starts at column 27:
    // "      - { id: a1, weight: " is 26 characters.
    expect(found(weightsArePositive, text)).toEqual([
      'weight-not-positive@3:13',
      'weight-not-positive@5:27',
      'weight-not-positive@6:27',
      'weight-not-positive@7:27',
    ]);
    expect(run(weightsArePositive, text).map((d) => d.args['weight'])).toEqual(['0', '-1', '.inf', '.nan']);
  });
});

describe('scaleIsPositive and precisionIsSmallInteger', () => {
  it('accept scale 100 and precision 0 or 10', () => {
    expectClean(scaleIsPositive, variant(CLEAN, '\ndimensions:', '\nscale: 100\nprecision: 10\ndimensions:'));
    expectClean(precisionIsSmallInteger, variant(CLEAN, '\ndimensions:', '\nprecision: 0\ndimensions:'));
  });

  it('report scale 0 and .inf, precision 2.5, -1 and 11', () => {
    expect(found(scaleIsPositive, 'scale: 0\n')).toEqual(['scale-not-positive@1:8']);
    expect(found(scaleIsPositive, 'scale: .inf\n')).toEqual(['scale-not-positive@1:8']);
    expect(found(precisionIsSmallInteger, 'precision: 2.5\n')).toEqual(['precision-invalid@1:12']);
    expect(found(precisionIsSmallInteger, 'precision: -1\n')).toEqual(['precision-invalid@1:12']);
    expect(found(precisionIsSmallInteger, 'precision: 11\n')).toEqual(['precision-invalid@1:12']);
  });
});

describe('rangesAreOrdered', () => {
  it('accepts min < max', () => {
    expectClean(rangesAreOrdered, CLEAN);
  });

  it('reports equal and reversed ends at the range', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              range: [5, 5]
            - id: b
              range: [100, 0]
    `);
    // "        range: [" → the sequence starts at column 16.
    expect(found(rangesAreOrdered, text)).toEqual(['range-inverted@5:16', 'range-inverted@7:16']);
  });
});

describe('goalposts and targets on their own', () => {
  it('accept ordered goalposts and a positive target', () => {
    expectClean(goalpostsAreOrdered, CLEAN);
    expectClean(targetsArePositive, CLEAN);
  });

  it('report reversed goalposts (own or in defaults) at min, and a target ≤ 0 at the target', () => {
    const text = yaml(`
      defaults: { normalise: { method: goalpost, min: 1, max: 1 } }
      dimensions:
        - id: d
          indicators:
            - id: a
              normalise: { method: goalpost, min: 100, max: 0 }
            - id: b
              normalise: { method: target, target: 0 }
    `);
    // 1:49 "defaults: { normalise: { method: goalpost, min: " is 48 characters;
    // 6:45 "        normalise: { method: goalpost, min: " is 44;
    // 8:46 "        normalise: { method: target, target: " is 45.
    expect(found(goalpostsAreOrdered, text)).toEqual(['goalpost-inverted@1:49', 'goalpost-inverted@6:45']);
    expect(found(targetsArePositive, text)).toEqual(['target-not-positive@8:46']);
  });
});

describe('goalpostsLieInRange and targetsLieInRange', () => {
  it('accept goalposts and target inside the range (goalposts inside it clip by design)', () => {
    expectClean(goalpostsLieInRange, variant(CLEAN, 'min: 0, max: 100 }', 'min: 10, max: 90 }'));
    expectClean(targetsLieInRange, CLEAN);
  });

  it('warn about goalposts outside the range, own or inherited, with the effect', () => {
    const text = yaml(`
      defaults: { normalise: { method: goalpost, min: 0, max: 10 } }
      dimensions:
        - id: d
          indicators:
            - id: own
              range: [0, 100]
              normalise: { method: goalpost, min: -5, max: 120 }
            - id: inherits
              range: [20, 50]
    `);
    // own: min -5 at 7:45 ("        normalise: { method: goalpost, min: " is 44 characters), the bottom is
    // unreachable; max 120 at 7:54 ("…min: -5, max: " is 53), the top is unreachable.
    // inherits: max 10 < range min 20, every value clips — one finding (min 0 < 20 too adds nothing),
    // at its range, 9:16 ("        range: " is 15).
    const diagnostics = run(goalpostsLieInRange, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}:${d.args['effect']}`)).toEqual([
      'goalpost-outside-range@7:45:bottom-unreachable',
      'goalpost-outside-range@7:54:top-unreachable',
      'goalpost-outside-range@9:16:all-clip',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('warn about a target outside the range', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              range: [0, 1]
              normalise: { method: target, target: 95 }
    `);
    // "        normalise: { method: target, target: " is 45 characters.
    expect(found(targetsLieInRange, text)).toEqual(['target-outside-range@6:46']);
  });
});

describe('levels', () => {
  it('accept distinct values inside the range', () => {
    expectClean(levelsAreDistinct, CLEAN);
    expectClean(levelsLieInRange, CLEAN);
    expectClean(levelsAreNotEmpty, CLEAN);
  });

  it('report a repeated value at the later answer, naming the first', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              levels:
                未建立: 0
                试点: 1
                部分试点: 1
    `);
    // 8:11 is the key 部分试点 (10 spaces).
    const diagnostics = run(levelsAreDistinct, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['level-value-duplicate@8:11']);
    expect(diagnostics[0]?.args['first']).toBe('试点');
  });

  it('report a value outside the range at the value, and an empty map', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              range: [0, 2]
              levels: { none: 0, full: 3 }
            - id: b
              levels: {}
    `);
    // 6:34 "        levels: { none: 0, full: " is 33 characters; 8:17 "        levels: " is 16.
    expect(found(levelsLieInRange, text)).toEqual(['level-outside-range@6:34']);
    expect(found(levelsAreNotEmpty, text)).toEqual(['levels-empty@8:17']);
  });
});

describe('transformDomainsContainBounds', () => {
  it('accepts bounds inside the domain (sqrt of [0, 1] with target 0.95; log of [1, 1000] with goalposts 1–1000)', () => {
    expectClean(transformDomainsContainBounds, CLEAN);
    const text = variant(
      variant(CLEAN, '        range: [0, 100]\n', '        range: [1, 1000]\n        transform: log\n'),
      'min: 0, max: 100',
      'min: 1, max: 1000',
    );
    expectClean(transformDomainsContainBounds, text);
  });

  it('reports each bound outside the domain where it is written', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              transform: log
              range: [0, 100]
              normalise: { method: goalpost, min: 0, max: 100 }
            - id: b
              transform: log1p
              range: [-1, 10]
            - id: c
              transform: sqrt
              normalise: { method: target, target: -4 }
    `);
    // a: log needs > 0 — range min 0 at 6:17 ("        range: [" is 16) and goalpost min 0 at 7:45;
    // b: log1p needs > -1 — range min -1 at 10:17; c: sqrt needs >= 0 — target -4 at 13:46.
    expect(found(transformDomainsContainBounds, text)).toEqual([
      'transform-domain@6:17',
      'transform-domain@7:45',
      'transform-domain@10:17',
      'transform-domain@13:46',
    ]);
  });

  it('applies defaults.transform, and reports a clash inside defaults once, not per indicator', () => {
    const text = yaml(`
      defaults: { transform: log, normalise: { method: goalpost, min: 0, max: 10 } }
      dimensions:
        - id: d
          indicators:
            - { id: a, range: [1, 10] }
            - { id: b, range: [1, 10] }
            - id: c
              range: [0, 10]
            - id: e
              transform: log10
    `);
    // The defaults goalpost min 0 under the defaults log: once, at 1:65
    // ("defaults: { transform: log, normalise: { method: goalpost, min: " is 64 characters).
    // c inherits log and has range min 0 at 8:17. e has its own log10 with the inherited
    // goalpost min 0: reported at e's transform, 10:20 ("        transform: " is 19).
    expect(found(transformDomainsContainBounds, text)).toEqual([
      'transform-domain@1:65',
      'transform-domain@8:17',
      'transform-domain@10:20',
    ]);
  });
});

describe('transformsHaveRange', () => {
  it('accepts a transform with a range, or without one under goalpost/target', () => {
    expectClean(transformsHaveRange, CLEAN);
    expectClean(transformsHaveRange, variant(CLEAN, '            range: [0, 1]\n', ''));
  });

  it('warns at the transform, or at the indicator when the transform comes from defaults', () => {
    const text = yaml(`
      defaults: { transform: log1p }
      dimensions:
        - id: d
          indicators:
            - id: a
              transform: log
              normalise: zscore
            - id: b
            - id: c
              normalise: rank
              range: [0, 10]
    `);
    // a: own log + zscore, no range → 6:20 ("        transform: " is 19).
    // b: log1p from defaults + built-in minmax → at the indicator, whose mapping starts at 8:9.
    // c has a range.
    const diagnostics = run(transformsHaveRange, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['transform-without-range@6:20', 'transform-without-range@8:9']);
    expect(diagnostics.map((d) => d.args['inherited'])).toEqual([false, true]);
  });
});

describe('aggregation', () => {
  const GEOMETRIC = yaml(`
    defaults: { missing: zero }
    dimensions:
      - id: d
        aggregate: { method: geometric }
        indicators:
          - id: raw
            normalise: { method: zscore, rescale: none }
          - id: scaled
            normalise: zscore
          - id: fixed
            normalise: { method: goalpost, min: 0, max: 1 }
            missing: reweight
  `);

  it('report raw z-scores under a geometric parent at the normalise value', () => {
    // 7:20: "        normalise: " is 8 spaces + 11 characters = 19.
    expect(found(zscoresAreNotUnderMultiplicativeParents, GEOMETRIC)).toEqual(['zscore-under-multiplicative@7:20']);
  });

  it('accept raw z-scores under an arithmetic parent', () => {
    expect(found(zscoresAreNotUnderMultiplicativeParents, variant(GEOMETRIC, 'geometric', 'arithmetic'))).toEqual([]);
  });

  it('warn once per geometric group about children that are 0 by construction or by missing: zero', () => {
    // scaled (zscore rescaled by minmax) gives the lowest region 0; raw is the error above, not this.
    // raw and scaled inherit missing: zero; fixed overrides it. Both findings sit at the aggregate, 4:16.
    const diagnostics = run(multiplicativeChildrenAvoidZero, GEOMETRIC);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'aggregate-zero-by-normalisation@4:16',
      'aggregate-zero-by-missing@4:16',
    ]);
    expect(diagnostics.map((d) => d.args['indicators'])).toEqual(['scaled', 'raw, scaled']);
    // Goalpost indicators that keep missing values out are fine under a harmonic mean.
    expectClean(multiplicativeChildrenAvoidZero, variant(CLEAN, '    weight: 2\n', '    weight: 2\n    aggregate: harmonic\n'));
  });

  it('inform that a minimum group ignores its children’s weights', () => {
    const text = yaml(`
      aggregate: minimum
      dimensions:
        - { id: a, weight: 2 }
        - id: b
          aggregate: minimum
          indicators: [ { id: b1 } ]
    `);
    // The framework's aggregate (1:12) has a weighted dimension; group b has none.
    expect(found(minimumGroupsHaveNoWeights, text)).toEqual(['weight-ignored-by-minimum@1:12']);
    expect(run(minimumGroupsHaveNoWeights, text)[0]?.severity).toBe('info');
    expectClean(minimumGroupsHaveNoWeights, variant(variant(CLEAN, '\ndimensions:', '\naggregate: minimum\ndimensions:'), '    weight: 2\n', ''));
  });
});

describe('noneNormalisedRangesLieInUnitInterval', () => {
  it('accepts none with a range inside [0, 1]', () => {
    expectClean(noneNormalisedRangesLieInUnitInterval, variant(CLEAN, 'normalise: { method: target, target: 0.95 }', 'normalise: none'));
  });

  it('warns about none with a range beyond [0, 1], also when none comes from defaults', () => {
    const text = yaml(`
      defaults: { normalise: none }
      dimensions:
        - id: d
          indicators:
            - { id: a, range: [0, 100] }
    `);
    // "      - { id: a, range: " is 24 characters.
    expect(found(noneNormalisedRangesLieInUnitInterval, text)).toEqual(['none-range-outside-unit@5:25']);
  });
});

describe('units', () => {
  it('accept a boolean without levels and a percent on [0, 100]', () => {
    expectClean(booleanUnitsHaveNoLevels, CLEAN);
    expectClean(percentRangesLieInHundred, CLEAN);
  });

  it('warn about boolean with levels (at the key) and inform about a percent beyond [0, 100]', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - id: a
              unit: boolean
              levels: { 否: 0, 是: 1 }
            - id: growth
              unit: '%'
              range: [-50, 200]
    `);
    expect(found(booleanUnitsHaveNoLevels, text)).toEqual(['boolean-unit-with-levels@6:9']);
    expect(found(percentRangesLieInHundred, text)).toEqual(['percent-range-beyond-hundred@9:16']);
    expect(run(percentRangesLieInHundred, text)[0]?.severity).toBe('info');
  });
});

describe('names', () => {
  it('accept names in both languages', () => {
    expectClean(namesHaveBothLanguages, CLEAN);
    expectClean(indicatorNamesAreUnique, CLEAN);
  });

  it('warn about a name in one language only, for the framework, groups, indicators and tier levels', () => {
    const text = yaml(`
      name: { en: Framework }
      dimensions:
        - id: d
          name: { zh: 维度 }
          indicators:
            - { id: a, name: { en: A, zh: '' } }
      tiers:
        levels:
          - { id: all, name: { en: All }, rule: otherwise }
    `);
    // 1:7, 4:11, 6:24 ("      - { id: a, name: " is 23), 9:24 ("    - { id: all, name: " is 23).
    // An empty zh counts as missing.
    const diagnostics = run(namesHaveBothLanguages, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'name-missing-language@1:7',
      'name-missing-language@4:11',
      'name-missing-language@6:24',
      'name-missing-language@9:24',
    ]);
    expect(diagnostics.map((d) => d.args['missing'])).toEqual(['zh', 'en', 'zh', 'zh']);
  });

  it('warn when two indicators share a name, at the later one', () => {
    const text = yaml(`
      dimensions:
        - id: d
          indicators:
            - { id: a, name: { zh: 满意度, en: Satisfaction } }
            - { id: b, name: { zh: 满意度, en: GDP } }
            - { id: c, name: { zh: 国内生产总值, en: GDP } }
    `);
    // b's zh at 5:30 ("      - { id: b, name: { zh: " is 29); c's en at 6:42 ("…{ zh: 国内生产总值, en: " is
    // 29 + 6 characters + 6 = 41; columns count characters, not UTF-8 bytes).
    expect(found(indicatorNamesAreUnique, text)).toEqual(['indicator-name-duplicate@5:30', 'indicator-name-duplicate@6:42']);
  });
});

describe('columns', () => {
  it('accept ids apart from the column names, and four distinct columns', () => {
    expectClean(idsAreNotColumnNames, CLEAN);
    expectClean(columnsAreDistinct, variant(CLEAN, '\ndimensions:', '\ncolumns: { region: code, period: year }\ndimensions:'));
    // Renaming the period column frees the id `period`.
    const renamed = variant(variant(CLEAN, '\ndimensions:', '\ncolumns: { period: year }\ndimensions:'), 'id: portal', 'id: period');
    expectClean(idsAreNotColumnNames, renamed);
  });

  it('report an id equal to a column name, default or renamed', () => {
    const text = yaml(`
      columns: { period: year }
      dimensions:
        - id: name
          indicators:
            - { id: year }
            - { id: period }
    `);
    // 'name' is the default name column (3:9); 'year' is the renamed period column (5:15).
    expect(found(idsAreNotColumnNames, text)).toEqual(['id-is-column-name@3:9', 'id-is-column-name@5:15']);
  });

  it('report two roles sharing a column at the written one', () => {
    // region: name clashes with the unwritten default name: name → at columns.region, 1:20.
    expect(found(columnsAreDistinct, 'columns: { region: name }\n')).toEqual(['columns-not-distinct@1:20']);
    // region and group both 'code' → at the later, columns.group, 1:33 ("columns: { region: code, group: " is 32).
    expect(found(columnsAreDistinct, 'columns: { region: code, group: code }\n')).toEqual(['columns-not-distinct@1:33']);
    // Written group-first, the later one in the file is region: 1:33 ("columns: { group: code, region: " is 32).
    expect(found(columnsAreDistinct, 'columns: { group: code, region: code }\n')).toEqual(['columns-not-distinct@1:33']);
  });
});

describe('tier levels', () => {
  it('accept a rules tier set ending in otherwise, and natural breaks without rules', () => {
    expectClean(tierLevelsHaveRules, CLEAN);
    expectClean(otherwiseEndsTheTiers, CLEAN);
    const breaks = yaml(`
      format: dgmi/1
      id: fw
      name: { zh: 框架, en: Framework }
      dimensions: [ { id: d, name: { zh: 维, en: D }, indicators: [ { id: a, name: { zh: 甲, en: A } } ] } ]
      tiers:
        method: natural-breaks
        levels:
          - { id: high, name: { zh: 高, en: High } }
          - { id: low, name: { zh: 低, en: Low } }
    `);
    expectClean(naturalBreaksHaveTwoLevels, breaks);
    expectClean(naturalBreaksLevelsHaveNoRules, breaks);
  });

  it('report a level without rule, a missing otherwise, and levels after otherwise', () => {
    const noOtherwise = yaml(`
      tiers:
        levels:
          - { id: top, rule: { rank: { max: 1 } } }
          - id: rest
    `);
    // rest has no rule (its mapping starts at 4:7); no otherwise anywhere → at the last level, 4:7.
    expect(found(tierLevelsHaveRules, noOtherwise)).toEqual(['tier-level-rule-missing@4:7']);
    expect(found(otherwiseEndsTheTiers, noOtherwise)).toEqual(['tier-otherwise-missing@4:7']);

    const afterOtherwise = yaml(`
      tiers:
        levels:
          - { id: top, rule: otherwise }
          - { id: mid, rule: { rank: { max: 8 } } }
          - { id: low, rule: otherwise }
    `);
    // Both levels after the first otherwise are unreachable, at their id values (column 13).
    expect(found(otherwiseEndsTheTiers, afterOtherwise)).toEqual(['tier-level-unreachable@4:13', 'tier-level-unreachable@5:13']);
  });

  it('report natural breaks with one level, and warn about its ignored rule at the key', () => {
    const text = yaml(`
      tiers:
        method: natural-breaks
        levels:
          - { id: only, rule: { rank: { max: 3 } } }
    `);
    // levels sequence at 4:5; the key `rule` at 4:19 ("    - { id: only, " is 18).
    expect(found(naturalBreaksHaveTwoLevels, text)).toEqual(['tier-breaks-too-few-levels@4:5']);
    expect(found(naturalBreaksLevelsHaveNoRules, text)).toEqual(['tier-breaks-rule-ignored@4:19']);
  });
});

describe('tier rules', () => {
  it('accept one key per rule, one measure per test and a real dimension', () => {
    expectClean(tierRulesHaveOneKey, CLEAN);
    expectClean(otherwiseIsNotNested, CLEAN);
    expectClean(dimensionTestsHaveOneMeasure, CLEAN);
    expectClean(tierDimensionsExist, CLEAN);
  });

  it('report an empty rule and a rule with two keys (at the second key), nested ones too', () => {
    const text = yaml(`
      tiers:
        levels:
          - id: a
            rule: { rank: { max: 4 }, score: { min: 80 } }
          - id: b
            rule: { all: [ {} ] }
    `);
    // 4:33 is `score` ("      rule: { rank: { max: 4 }, " is 32); 6:22 the empty {} ("      rule: { all: [ " is 21).
    expect(found(tierRulesHaveOneKey, text)).toEqual(['tier-rule-several-keys@4:33', 'tier-rule-empty@6:22']);
  });

  it('find "the second key" by position even when the schema output reorders keys', () => {
    // Schema-valid, so the rule sees zod's output, which lists score before rank; in the file
    // rank comes first, so the finding is at `score`: 17:66 ("    - { id: a, name: { zh: 甲, en: A }, rule: { rank: { max: 4 }, " is 65 characters).
    const text = yaml(`
      format: dgmi/1
      id: fw
      name: { zh: 框架, en: Framework }
      dimensions:
        - id: d
          name: { zh: 维, en: D }
          indicators:
            - id: i
              name: { zh: 指, en: I }
              range: [0, 1]
              normalise: { method: goalpost, min: 0, max: 1 }
            - id: j
              name: { zh: 指二, en: J }
              levels: { '2': 0, '1': 0 }
      tiers:
        levels:
          - { id: a, name: { zh: 甲, en: A }, rule: { rank: { max: 4 }, score: { min: 80 } } }
          - { id: b, name: { zh: 乙, en: B }, rule: { dimension: { id: d, rank: { max: 3 }, percentile: { min: 0.5 } } } }
          - { id: c, name: { zh: 丙, en: C }, rule: otherwise }
    `);
    expect(FrameworkSchema.safeParse(parseYaml(text, 'f').source?.value).success).toBe(true);
    expect(found(tierRulesHaveOneKey, text)).toEqual(['tier-rule-several-keys@17:66']);
    // 18:86: "    - { id: b, name: { zh: 乙, en: B }, rule: { dimension: { id: d, rank: { max: 3 }, " is 85 characters.
    expect(found(dimensionTestsHaveOneMeasure, text)).toEqual(['tier-test-several-measures@18:86']);
    // JS lists the integer-like key '1' before '2'; in the file '1' is second: 14:27
    // ("        levels: { '2': 0, " is 26 characters).
    expect(found(levelsAreDistinct, text)).toEqual(['level-value-duplicate@14:27']);
  });

  it('warn about otherwise nested in any/not', () => {
    const text = yaml(`
      tiers:
        levels:
          - id: a
            rule: { not: otherwise }
    `);
    // "      rule: { not: " is 19 characters.
    expect(found(otherwiseIsNotNested, text)).toEqual(['tier-otherwise-nested@4:20']);
  });

  it('report a dimension test with no measure or with two', () => {
    const text = yaml(`
      tiers:
        levels:
          - id: a
            rule: { dimension: { id: d } }
          - id: b
            rule: { any_dimension: { rank: { max: 3 }, score: { min: 90 } } }
    `);
    // 4:26 the test object ("      rule: { dimension: " is 25); 6:50 the key score
    // ("      rule: { any_dimension: { rank: { max: 3 }, " is 49).
    expect(found(dimensionTestsHaveOneMeasure, text)).toEqual(['tier-test-no-measure@4:26', 'tier-test-several-measures@6:50']);
  });

  it('report an unknown dimension with a suggestion, and a sub-group or indicator that is not a dimension', () => {
    const text = yaml(`
      dimensions:
        - id: capability
          groups:
            - id: services
              indicators: [ { id: online_rate } ]
      tiers:
        levels:
          - id: a
            rule: { dimension: { id: capabilty, rank: { max: 3 } } }
          - id: b
            rule: { dimension: { id: services, rank: { max: 3 } } }
          - id: c
            rule: { dimension: { id: online_rate, rank: { max: 3 } } }
    `);
    // The id values sit at column 32 ("      rule: { dimension: { id: " is 31 characters).
    const diagnostics = run(tierDimensionsExist, text);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'tier-dimension-unknown@9:32',
      'tier-dimension-not-dimension@11:32',
      'tier-dimension-not-dimension@13:32',
    ]);
    expect(diagnostics[0]?.args['suggestion']).toBe('capability');
    expect(diagnostics.slice(1).map((d) => [d.args['kind'], d.args['dimension']])).toEqual([
      ['group', 'capability'],
      ['indicator', 'capability'],
    ]);
  });
});

describe('tier bounds', () => {
  it('accept sensible bounds', () => {
    for (const rule of [tierBoundsAreOrdered, rankBoundsAreAtLeastOne, percentileBoundsAreShares, scoreBoundsAreReachable, tierBoundsAreNotEmpty]) {
      expectClean(rule, CLEAN);
    }
  });

  const BOUNDS = yaml(`
    scale: 10
    tiers:
      levels:
        - { id: a, rule: { score: { min: 90, max: 20 } } }
        - { id: b, rule: { rank: { min: 0, max: 3 } } }
        - { id: c, rule: { percentile: { min: 90 } } }
        - { id: d, rule: { any_dimension: { percentile: { max: -0.5 } } } }
        - { id: e, rule: { rank: {} } }
        - { id: f, rule: otherwise }
  `);

  it('report min > max at min', () => {
    // "    - { id: a, rule: { score: { min: " is 37 characters.
    expect(found(tierBoundsAreOrdered, BOUNDS)).toEqual(['tier-bounds-inverted@4:38']);
  });

  it('report a rank bound below 1', () => {
    // "    - { id: b, rule: { rank: { min: " is 36 characters.
    expect(found(rankBoundsAreAtLeastOne, BOUNDS)).toEqual(['tier-rank-below-one@5:37']);
  });

  it('report percentile bounds outside [0, 1], in dimension tests too', () => {
    // 6:43 "    - { id: c, rule: { percentile: { min: " is 42; 7:60 "    - { id: d, rule: { any_dimension: { percentile: { max: " is 59.
    expect(found(percentileBoundsAreShares, BOUNDS)).toEqual(['tier-percentile-outside-unit@6:43', 'tier-percentile-outside-unit@7:60']);
  });

  it('warn about a score min above scale (10 here)', () => {
    // min 90 > scale 10 can never hold; max 20 > 10 is merely redundant.
    expect(found(scoreBoundsAreReachable, BOUNDS)).toEqual(['tier-score-unreachable@4:38']);
  });

  it('warn about empty bounds', () => {
    // "    - { id: e, rule: { rank: " is 29 characters.
    expect(found(tierBoundsAreNotEmpty, BOUNDS)).toEqual(['tier-bounds-empty@8:30']);
  });
});

describe('a document that failed the schema', () => {
  const MALFORMED = [
    'dimensions: 5\n',
    'just a string\n',
    '- a list\n',
    'dimensions: [ 1, null, [x], { id: 3, weight: "x", groups: 7, indicators: { a: 1 } } ]\n',
    'dimensions: [ { id: d, indicators: [ { id: a, weight: "x", range: [a], levels: [1, 2], normalise: 7, transform: 3, name: "A" } ] } ]\n',
    'dimensions: [ { id: d, indicators: [ { id: a, range: [0], normalise: { method: goalpost, min: x } } ] } ]\n',
    'defaults: 7\ncolumns: [region]\ntiers: [1]\n',
    'tiers: { method: jenks, levels: 3 }\n',
    'tiers: { levels: [ 1, { id: x, rule: [ otherwise ] }, { id: y, rule: { all: 5, any: [ null ], not: { dimension: 4 } } } ] }\n',
    'name: 5\nscale: "100"\nprecision: [2]\naggregate: { method: 9 }\n',
  ];

  it.each(MALFORMED)('runs every rule on %j without throwing', (text) => {
    const ctx = contextOf(text, false);
    for (const rule of FRAMEWORK_RULES) expect(() => rule(ctx)).not.toThrow();
  });

  it('terminates on a group that contains itself through a YAML alias', () => {
    const text = 'dimensions:\n  - &g\n    id: loop\n    groups: [ *g ]\n';
    const ctx = contextOf(text, false);
    for (const rule of FRAMEWORK_RULES) expect(() => rule(ctx)).not.toThrow();
  });
});

describe('the message catalog', () => {
  it('words every code in both languages, also without args', () => {
    for (const [code, spec] of Object.entries(RULES_MESSAGES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/u);
      expect(spec.en({}).length).toBeGreaterThan(0);
      expect(spec.zh({}).length).toBeGreaterThan(0);
    }
  });

  it('is merged into the shared catalog, and renders the suggestion of an unknown dimension', () => {
    for (const code of Object.keys(RULES_MESSAGES)) expect(code in MESSAGES).toBe(true);
    const text = yaml(`
      dimensions: [ { id: effect } ]
      tiers: { levels: [ { id: a, rule: { dimension: { id: efect, rank: { max: 3 } } } } ] }
    `);
    const [d] = run(tierDimensionsExist, text);
    expect(d).toBeDefined();
    if (!d) return;
    expect(renderMessage(d, 'en')).toContain("did you mean 'effect'?");
    expect(renderMessage(d, 'zh')).toContain("是否想写 'effect'");
    expect(renderHint(d, 'en')).toContain('effect');
  });
});

describe('properties', () => {
  /** A framework of dimensions → indicators whose ids come from a small alphabet, so they collide. */
  const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const treeArb = fc.array(fc.record({ id: idArb, indicators: fc.array(fc.record({ id: idArb }), { minLength: 1, maxLength: 4 }) }), {
    minLength: 1,
    maxLength: 4,
  });

  it('idsAreUnique reports exactly (number of ids − number of distinct ids) duplicates', () => {
    fc.assert(
      fc.property(treeArb, (dimensions) => {
        const ids = dimensions.flatMap((d) => [d.id, ...d.indicators.map((i) => i.id)]);
        const diagnostics = run(idsAreUnique, stringify({ dimensions }));
        expect(diagnostics).toHaveLength(ids.length - new Set(ids).size);
        // each finding names a line before its own
        for (const d of diagnostics) expect(Number(d.args['firstLine'])).toBeLessThan(d.line ?? 0);
      }),
      { numRuns: 100 },
    );
  });

  it('weightsArePositive flags exactly the weights that are not finite and > 0', () => {
    const weightArb = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, Infinity, -Infinity, Number.NaN));
    fc.assert(
      fc.property(fc.array(weightArb, { minLength: 1, maxLength: 6 }), (weights) => {
        const indicators = weights.map((weight, i) => ({ id: `i${i}`, weight }));
        const flagged = run(weightsArePositive, stringify({ dimensions: [{ id: 'd', indicators }] })).length;
        expect(flagged).toBe(weights.filter((w) => !(Number.isFinite(w) && w > 0)).length);
      }),
      { numRuns: 100 },
    );
  });

  it('no rule throws on any YAML value, and every finding has a 1-based position', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = stringify({ format: 'dgmi/1', dimensions: value, tiers: value, defaults: value });
        const ctx = contextOf(text, false);
        for (const rule of FRAMEWORK_RULES) {
          for (const d of rule(ctx)) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
