/**
 * Seeded synthetic workloads for the benchmark: a 3-level framework (dimensions → groups →
 * indicators) and a wide CSV of regions × indicators with 2% missing cells. Same seed, same bytes.
 */
import { writeFileSync } from 'node:fs';

/** mulberry32: tiny, fast, good enough for benchmark data (not for statistics). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** dims × groupsPerDim × indicatorsPerGroup indicators; a mix of methods and directions. */
export function frameworkYaml({ dims, groupsPerDim, indicatorsPerGroup }) {
  const lines = ['format: dgmi/1', 'id: bench', 'name: { zh: 基准, en: Benchmark }', 'defaults: { normalise: { method: minmax }, missing: reweight }', 'dimensions:'];
  let k = 0;
  for (let d = 0; d < dims; d++) {
    lines.push(`  - id: d${d}`, `    name: { zh: 维度${d}, en: Dimension ${d} }`, `    weight: ${d + 1}`, '    groups:');
    for (let g = 0; g < groupsPerDim; g++) {
      lines.push(`      - id: d${d}g${g}`, `        name: { zh: 组${d}-${g}, en: Group ${d}-${g} }`, '        indicators:');
      for (let i = 0; i < indicatorsPerGroup; i++, k++) {
        const extra =
          k % 5 === 1 ? ', normalise: { method: goalpost, min: 0, max: 100 }' : k % 5 === 2 ? ', direction: negative' : k % 5 === 3 ? ', normalise: zscore' : '';
        lines.push(`          - { id: i${k}, name: { zh: 指标${k}, en: Indicator ${k} }${extra} }`);
      }
    }
  }
  lines.push(
    'tiers:',
    '  levels:',
    '    - { id: leading, name: { zh: 引领型, en: Leading }, rule: { percentile: { min: 0.9 } } }',
    '    - { id: quality, name: { zh: 优质型, en: Quality }, rule: { percentile: { min: 0.7 } } }',
    '    - { id: developing, name: { zh: 发展型, en: Developing }, rule: otherwise }',
  );
  return `${lines.join('\n')}\n`;
}

const GROUPS = ['east', 'central', 'west', 'northeast'];

export function submissionCsv({ regions, indicators, seed }) {
  const random = mulberry32(seed);
  const header = ['region', 'name', 'group', 'period'];
  for (let k = 0; k < indicators; k++) header.push(`i${k}`);
  const out = [header.join(',')];
  for (let r = 0; r < regions; r++) {
    const code = String(100000 + r);
    const cells = [code, `地区${r}`, GROUPS[r % 4], '2022'];
    const level = random();
    for (let k = 0; k < indicators; k++) {
      if (random() < 0.02) cells.push('');
      else cells.push((Math.min(100, Math.max(0, 100 * (0.6 * level + 0.4 * random())))).toFixed(2));
    }
    out.push(cells.join(','));
  }
  return `${out.join('\n')}\n`;
}

export function writeWorkload(dir, name, shape, regions, seed) {
  const indicators = shape.dims * shape.groupsPerDim * shape.indicatorsPerGroup;
  const framework = `${dir}/${name}.yaml`;
  const data = `${dir}/${name}.csv`;
  writeFileSync(framework, frameworkYaml(shape));
  writeFileSync(data, submissionCsv({ regions, indicators, seed }));
  return { framework, data, regions, indicators };
}
