/**
 * Data preparation inside the engine: denominate → impute → screen → treat → normalise, on
 * small in-memory frameworks with hand-computed results.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput, IndicatorInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { hasPreparation } from '../../src/prepare/pipeline.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const ind = (id: string, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({ id, name: { en: id }, ...extra });

function frameworkOf(indicators: IndicatorInput[], extra: Partial<FrameworkInput> = {}): ResolvedFramework {
  return resolveFramework(
    { format: 'dgmi/1', id: 'prep', name: { en: 'Prep' }, dimensions: [{ id: 'D', name: { en: 'D' }, indicators }], ...extra },
    { file: 'prep.yaml' },
  );
}

interface Row {
  readonly region: string;
  readonly values: Readonly<Record<string, number>>;
  readonly denominators?: Readonly<Record<string, number>>;
}

function datasetOf(framework: ResolvedFramework, rows: readonly Row[], denominatorColumns: readonly string[] = []): Dataset {
  return {
    rowCount: rows.length,
    region: rows.map((r) => r.region),
    name: rows.map(() => ''),
    group: rows.map(() => ''),
    period: rows.map(() => '2024'),
    values: framework.indicators.map((i) => Float64Array.from(rows, (r) => r.values[i.id] ?? NaN)),
    sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [{ path: 'data.csv', sha256: '' }],
    ...(denominatorColumns.length > 0
      ? { denominators: new Map(denominatorColumns.map((c) => [c, Float64Array.from(rows, (r) => r.denominators?.[c] ?? NaN)] as const)) }
      : {}),
  };
}

const rowOf = (dataset: Dataset, region: string): number => dataset.region.indexOf(region);

describe('denominate', () => {
  it('divides by the column and multiplies by denominator_factor before min-max', () => {
    // a / pop × 100: A 10/1·100 = 1000, B 20/4·100 = 500, C 30/3·100 = 1000 → min-max: 100, 0, 100.
    const framework = frameworkOf([ind('a', { denominator: 'pop', denominator_factor: 100 })]);
    const dataset = datasetOf(
      framework,
      [
        { region: 'A', values: { a: 10 }, denominators: { pop: 1 } },
        { region: 'B', values: { a: 20 }, denominators: { pop: 4 } },
        { region: 'C', values: { a: 30 }, denominators: { pop: 3 } },
      ],
      ['pop'],
    );
    const table = score(framework, dataset);
    expect(Array.from(table.indicators.get('a')?.value ?? [])).toEqual([1000, 500, 1000]);
    expect(Array.from(table.composite.score)).toEqual([100, 0, 100]);
    expect(table.preparation?.denominated).toEqual(['a']);
    expect(table.diagnostics).toEqual([]);
  });

  it('names a zero or negative denominator at its cell (error, unit unscored) and a missing one as a warning (value missing)', () => {
    const framework = frameworkOf([ind('a', { denominator: 'pop' }), ind('b')]);
    const dataset = datasetOf(
      framework,
      [
        { region: 'A', values: { a: 10, b: 1 }, denominators: { pop: 1 } },
        { region: 'Z', values: { a: 20, b: 2 }, denominators: { pop: 0 } },
        { region: 'N', values: { a: 30, b: 3 }, denominators: { pop: -3 } },
        { region: 'M', values: { a: 40, b: 4 } },
        { region: 'B', values: { a: 50, b: 5 }, denominators: { pop: 10 } },
      ],
      ['pop'],
    );
    const table = score(framework, dataset);
    const found = table.diagnostics.map((d) => [d.code, d.severity, d.args['region'], d.args['problem'], d.line, d.path]);
    expect(found).toEqual([
      ['denominator-value-invalid', 'error', 'Z', 'zero', 3, ['pop']],
      ['denominator-value-invalid', 'error', 'N', 'negative', 4, ['pop']],
      ['denominator-value-missing', 'warning', 'M', 'missing', 5, ['pop']],
    ]);
    expect(table.composite.score[rowOf(dataset, 'Z')]).toBeNaN();
    expect(table.composite.score[rowOf(dataset, 'N')]).toBeNaN();
    // M: a is missing and reweighted; b = 4 on b's min-max over A, M, B (Z and N are unscored
    // but, like any unscored row, still in the scope): (4 − 1)/(5 − 1) = 0.75 → 75.
    expect(table.indicators.get('a')?.value[rowOf(dataset, 'M')]).toBeNaN();
    expect(table.composite.score[rowOf(dataset, 'M')]).toBe(75);
    expect(table.indicators.get('a')?.value.every((x) => x === x ? Number.isFinite(x) : true)).toBe(true);
  });

  it('names a denominator column the data does not have, at the framework key, and scores no unit', () => {
    const framework = frameworkOf([ind('a', { denominator: 'pop' }), ind('b')]);
    const dataset = datasetOf(framework, [
      { region: 'A', values: { a: 1, b: 1 } },
      { region: 'B', values: { a: 2, b: 2 } },
    ]);
    const table = score(framework, dataset);
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.file, d.path])).toEqual([
      ['denominator-column-missing', 'error', 'prep.yaml', ['dimensions', 0, 'indicators', 0, 'denominator']],
    ]);
    expect(table.indicators.get('a')?.value.every((x) => Number.isNaN(x))).toBe(true);
    expect(Array.from(table.composite.score).every((x) => Number.isNaN(x))).toBe(true);
  });
});

describe('screen', () => {
  const three = [ind('a'), ind('b'), ind('c')];
  const rows: Row[] = [
    { region: 'A', values: { a: 0, b: 0, c: 0 } },
    { region: 'B', values: { a: 10, b: 10, c: 10 } },
    { region: 'C', values: { a: 5, b: 5, c: 5 } },
    // X has 1 of 3 values (coverage 1/3) and an extreme a that would stretch everyone's min-max.
    { region: 'X', values: { a: 1000 } },
  ];

  it("drops units below min_coverage from scoring and from everyone's normalisation", () => {
    // Without X, a's min-max is over 0, 10, 5: C = 50 on every indicator, so C scores 50.
    const framework = frameworkOf(three, { screen: { min_coverage: 0.9 } });
    const dataset = datasetOf(framework, rows);
    const table = score(framework, dataset);
    const x = rowOf(dataset, 'X');
    expect(table.composite.score[x]).toBeNaN();
    expect(table.composite.rank[x]).toBeNaN();
    expect(table.indicators.get('a')?.normalised[x]).toBeNaN();
    expect(table.composite.score[rowOf(dataset, 'C')]).toBe(50);
    expect(table.composite.score[rowOf(dataset, 'B')]).toBe(100);
    expect(table.preparation?.screened).toEqual([{ region: 'X', period: '2024', coverage: 1 / 3 }]);
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['unit-screened-out', 'info', 5]]);
  });

  it('without screening the same unit stretches the min-max (the contrast that shows it mattered)', () => {
    const framework = frameworkOf(three);
    const table = score(framework, datasetOf(framework, rows));
    // a: C = 5/1000 → 0.5; b and c: 50 each; mean (0.5 + 50 + 50)/3 = 33.5.
    expect(table.composite.score[2]).toBeCloseTo(33.5, 12);
    expect(table.preparation).toBeUndefined();
  });

  it('counts imputed values as present: screening comes after imputation', () => {
    const framework = frameworkOf(three, { screen: { min_coverage: 0.9 }, defaults: { missing: 'mean' } });
    const table = score(framework, datasetOf(framework, rows));
    expect(table.preparation?.screened).toEqual([]);
    // X's b and c are imputed (mean 5 of 0, 10, 5), so X is scored.
    expect(table.composite.score[3]).not.toBeNaN();
    expect(table.preparation?.imputed).toBe(2);
  });

  it('keeps a unit exactly at the threshold (below means strictly below)', () => {
    // 2 of 3 present = 0.667 ≥ 2/3.
    const framework = frameworkOf(three, { screen: { min_coverage: 2 / 3 } });
    const dataset = datasetOf(framework, [...rows.slice(0, 3), { region: 'Y', values: { a: 1, b: 1 } }]);
    expect(score(framework, dataset).preparation?.screened).toEqual([]);
  });
});

describe('treat', () => {
  const regions = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
  const raw = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
  const rowsOf = (): Row[] => regions.map((region, i) => ({ region, values: { a: raw[i] ?? NaN, b: i } }));

  it('winsorises before min-max: 100 → 9, so R9 and R10 both score 100 on a', () => {
    // After treatment a is 1..9, 9: min-max (x − 1)/8 → R1 0, R5 50, R9 100, R10 100.
    const framework = frameworkOf([ind('a'), ind('b', { weight: 1e-9 })], { treat: { method: 'winsorise' } });
    const dataset = datasetOf(framework, rowsOf());
    const table = score(framework, dataset);
    const a = table.indicators.get('a');
    expect(a?.value[9]).toBe(9);
    expect(a?.normalised[9]).toBe(100);
    expect(a?.normalised[8]).toBe(100);
    expect(a?.normalised[4]).toBe(50);
    const records = table.preparation?.treatments ?? [];
    expect(records.map((t) => [t.indicator, t.method, t.points])).toEqual([
      ['a', 'winsorise', 1],
      ['b', 'none', 0],
    ]);
    expect(records[0]?.changed).toEqual([{ region: 'R10', period: '2024', from: 100, to: 9 }]);
  });

  it("an indicator's own treat: none overrides the top level; its own limits override field by field", () => {
    const framework = frameworkOf([ind('a', { treat: 'none' }), ind('b', { treat: { method: 'winsorise', max_points: 1 } })], {
      treat: { method: 'winsorise', skew: 3 },
    });
    expect(framework.indicators[0]?.treat).toBeUndefined();
    expect(framework.indicators[1]?.treat).toEqual({ method: 'winsorise', skew: 3, kurtosis: 3.5, maxPoints: 1, fallback: 'log' });
    const table = score(framework, datasetOf(framework, rowsOf()));
    expect(table.indicators.get('a')?.value[9]).toBe(100);
  });

  it('does not apply a top-level treat to yes/no or levels indicators', () => {
    const framework = frameworkOf([ind('a'), ind('yes', { unit: 'boolean' }), ind('lvl', { levels: { low: 0, high: 1 } })], {
      treat: { method: 'winsorise' },
    });
    expect(framework.indicators.map((i) => i.treat !== undefined)).toEqual([true, false, false]);
  });
});

describe('frameworks without preparation', () => {
  it('resolve and score without any preparation field, exactly as before', () => {
    const framework = frameworkOf([ind('a'), ind('b')]);
    expect(hasPreparation(framework)).toBe(false);
    expect('treat' in (framework.indicators[0] ?? {})).toBe(false);
    expect('denominator' in (framework.indicators[0] ?? {})).toBe(false);
    expect('screen' in framework).toBe(false);
    const table = score(framework, datasetOf(framework, [{ region: 'A', values: { a: 1, b: 2 } }, { region: 'B', values: { a: 2, b: 1 } }]));
    expect('preparation' in table).toBe(false);
  });
});
