import { describe, expect, it } from 'vitest';
import { runDgmi } from './run-cli.js';

const FW = 'test/fixtures/weights/entropy.yaml';
const DATA = 'test/fixtures/weights/data.csv';

interface WeightsDocument {
  format: string;
  framework: { id: string };
  weights: { group: string; level: string; period: string | null; method: string; weights: Record<string, number>; fallback: string | null; ahp: { lambda_max: number; cr: number } | null }[];
  diagnostics: { code: string }[];
}

describe('dgmi weights', () => {
  it('prints every group with its method and weights (json)', () => {
    const r = runDgmi(['weights', FW, DATA, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as WeightsDocument;
    expect(doc.format).toBe('dgmi-weights/1');
    expect(doc.weights.map((w) => [w.group, w.level, w.period, w.method])).toEqual([
      ['weights-demo', 'top', null, 'ahp'],
      ['service', 'group', '2022', 'entropy'],
      ['data', 'group', '2022', 'critic'],
    ]);
    // AHP [[1, 2], [1/2, 1]]: w = (2/3, 1/3), λmax = 2, CR 0 (n = 2 is always consistent).
    const top = doc.weights[0]!;
    expect(top.weights['service']).toBeCloseTo(2 / 3, 12);
    expect(top.weights['data']).toBeCloseTo(1 / 3, 12);
    expect(top.ahp).toMatchObject({ cr: 0 });
    for (const record of doc.weights) expect(Object.values(record.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('prints a bilingual table, and csv and markdown', () => {
    const zh = runDgmi(['weights', FW, DATA, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('熵权法');
    expect(zh.stdout).toContain('层次分析法');
    expect(zh.stdout).toContain('CR = 0.000');
    const en = runDgmi(['weights', FW, DATA, '--lang', 'en', '--format', 'markdown']);
    expect(en.stdout.split('\n')[0]).toBe('| Group | Period | Method | Child | Weight | Note |');
    expect(en.stdout).toContain('| Services (service) | 2022 | entropy | A (a) |');
    const csv = runDgmi(['weights', FW, DATA, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('group,level,period,method,child,weight,fallback,lambda_max,ci,ri,cr');
    expect(csv.stdout).toContain('weights-demo,top,,ahp,service,0.666666666666666');
  });

  it('score --format json records the weights used, and only for frameworks that derive them', () => {
    const derived = JSON.parse(runDgmi(['score', FW, DATA, '--format', 'json']).stdout) as WeightsDocument;
    expect(derived.weights.map((w) => w.group)).toEqual(['weights-demo', 'service', 'data']);
    const plain = JSON.parse(runDgmi(['score', 'test/fixtures/score/mini.yaml', 'test/fixtures/score/good.csv', '--format', 'json']).stdout) as Record<string, unknown>;
    expect('weights' in plain).toBe(false);
  });

  it('warns about a constant child, gives it weight 0 and exits 0', () => {
    const r = runDgmi(['weights', FW, 'test/fixtures/weights/constant.csv', '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('weights-constant-child');
    const doc = JSON.parse(r.stdout) as WeightsDocument;
    expect(doc.weights.find((w) => w.group === 'service')?.weights['c']).toBe(0);
    expect(runDgmi(['weights', FW, 'test/fixtures/weights/constant.csv', '--fail-on', 'warning']).status).toBe(1);
  });

  it.each([
    ['one-child', '7:16', 'weighting-one-child'],
    ['ahp-inconsistent', '11:9', 'ahp-inconsistent'],
    ['ahp-not-square', '8:32', 'ahp-not-square'],
  ])('refuses %s with a located error and exit 2', (name, position, code) => {
    const r = runDgmi(['weights', `test/fixtures/weights/${name}.yaml`, DATA, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`${position}\\s+error\\s.*${code}`, 'u'));
  });

  it('dgmi validate reports the same AHP finding', () => {
    const r = runDgmi(['validate', 'test/fixtures/weights/ahp-inconsistent.yaml', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('"ahp-inconsistent"');
  });
});

describe('dgmi explain with derived weights', () => {
  it('says where each weight on the path came from, in both languages', () => {
    const en = runDgmi(['explain', FW, DATA, 'r2', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Weights: the children of Services (service) are weighted by entropy (2022); see dgmi weights.');
    expect(en.stdout).toContain('Weights: the children of Weights demo (weights-demo) are weighted by AHP (all periods, CR = 0.000)');
    // Entropy weights move with the data, so the leverage is measured by re-scoring, not read off the weights.
    expect(en.stdout).toContain('weights derived from the data');
    const zh = runDgmi(['explain', FW, DATA, 'r2', '--lang', 'zh']);
    expect(zh.stdout).toContain('权重来源：政务服务 (service) 的子项权重按熵权法确定（2022）');
  });
});
