/**
 * The shipped default framework, indicators/cn-dgdi.yaml: it must parse, pass the schema,
 * resolve, and keep the Tsinghua-style shape the samples and the README rely on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { FrameworkSchema, type FrameworkInput } from '../../src/model/framework.js';
import type { LocalizedText } from '../../src/model/i18n.js';
import type { ResolvedFramework, ResolvedGroup, ResolvedIndicator, TierRule } from '../../src/model/resolved.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const FILE = new URL('../../indicators/cn-dgdi.yaml', import.meta.url);
const text = readFileSync(FILE, 'utf8');
// The same options the framework loader uses: duplicate keys and YAML-1.1 surprises are errors.
const document = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false });
const parsed = FrameworkSchema.safeParse(document.toJS());

function frameworkInput(): FrameworkInput {
  if (!parsed.success) throw new Error(`cn-dgdi.yaml fails the schema: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

const framework: ResolvedFramework = resolveFramework(frameworkInput());
const indicators: readonly ResolvedIndicator[] = framework.indicators;
const subGroups: readonly ResolvedGroup[] = framework.groups.filter((g) => g.depth > 1);

function hasBothLanguages(text: LocalizedText | undefined): boolean {
  return text !== undefined && typeof text.zh === 'string' && text.zh !== '' && typeof text.en === 'string' && text.en !== '';
}

describe('indicators/cn-dgdi.yaml', () => {
  it('starts with the yaml-language-server schema comment', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./framework.schema.json');
  });

  it('parses with yaml without errors or warnings', () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
  });

  it('writes every id as a string scalar, so none can be read as a number', () => {
    const nonStringIds: string[] = [];
    visit(document, {
      Pair(_key, pair) {
        if (isScalar(pair.key) && pair.key.value === 'id' && isScalar(pair.value) && typeof pair.value.value !== 'string') {
          nonStringIds.push(String(pair.value.value));
        }
      },
    });
    expect(nonStringIds).toEqual([]);
    // Sanity check of the visitor itself: it saw the top-level pairs.
    expect(isMap(document.contents) && document.contents.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === 'dimensions')).toBe(true);
    expect(isMap(document.contents) && isSeq(document.contents.get('dimensions'))).toBe(true);
  });

  it('passes FrameworkSchema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('resolves into four dimensions with the point weights 10 / 15 / 40 / 35', () => {
    expect(framework.id).toBe('cn-dgdi');
    expect(framework.scale).toBe(100);
    expect(framework.dimensions.map((d) => [d.id, d.weight])).toEqual([
      ['organization', 10],
      ['institution', 15],
      ['capability', 40],
      ['effect', 35],
    ]);
    // Shares: weights over their sum 10 + 15 + 40 + 35 = 100, so 0.10, 0.15, 0.40, 0.35.
    const shares = framework.dimensions.map((d) => d.share);
    [0.1, 0.15, 0.4, 0.35].forEach((expected, i) => expect(shares[i]).toBeCloseTo(expected, 12));
  });

  it('names the dimensions as the Tsinghua reports do', () => {
    expect(framework.dimensions.map((d) => d.name.zh)).toEqual(['组织机构', '制度体系', '治理能力', '治理效果']);
  });

  it('has three or four sub-groups under each dimension, each holding indicators', () => {
    for (const dimension of framework.dimensions) {
      expect(dimension.children.every((c) => c.kind === 'group'), dimension.id).toBe(true);
      expect(dimension.children.length, dimension.id).toBeGreaterThanOrEqual(3);
      expect(dimension.children.length, dimension.id).toBeLessThanOrEqual(4);
    }
    for (const group of subGroups) {
      expect(group.depth, group.id).toBe(2);
      expect(group.children.length, group.id).toBeGreaterThan(0);
      expect(group.children.every((c) => c.kind === 'indicator'), group.id).toBe(true);
    }
  });

  it('has between 30 and 50 indicators', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(30);
    expect(indicators.length).toBeLessThanOrEqual(50);
  });

  it('uses every id once across dimensions, groups and indicators', () => {
    const ids = [...framework.groups.map((g) => g.id), ...indicators.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // nodeById overwrites on a duplicate, so its size equals the number of nodes only without one.
    expect(framework.nodeById.size).toBe(ids.length);
  });

  it('names everything in both zh and en', () => {
    const missing = [
      ...(hasBothLanguages(framework.name) ? [] : ['(framework)']),
      ...framework.groups.filter((g) => !hasBothLanguages(g.name)).map((g) => g.id),
      ...indicators.filter((i) => !hasBothLanguages(i.name)).map((i) => i.id),
      ...(framework.tiers?.levels ?? []).filter((l) => !hasBothLanguages(l.name)).map((l) => l.id),
    ];
    expect(missing).toEqual([]);
  });

  it('documents every indicator: bilingual description, source, unit and range', () => {
    const incomplete = indicators
      .filter((i) => !hasBothLanguages(i.description) || !i.source || !i.unit || i.range === undefined)
      .map((i) => i.id);
    expect(incomplete).toEqual([]);
  });

  it('cites the Tsinghua reports and says the indicators are a synthesis', () => {
    expect(framework.source).toMatch(/清华大学数据治理研究中心/u);
    expect(framework.source).toMatch(/synthesis/u);
    expect(framework.source).toMatch(/not the reports' official indicator list/u);
  });

  it('reweights missing values everywhere', () => {
    expect(indicators.filter((i) => i.missing !== 'reweight').map((i) => i.id)).toEqual([]);
  });

  it('gives percentages the percent unit, range [0, 100] and goalposts or a target inside it', () => {
    const percents = indicators.filter((i) => i.unit === 'percent');
    expect(percents.length).toBeGreaterThan(10);
    for (const i of percents) {
      expect(i.range, i.id).toEqual([0, 100]);
      if (i.normalise.method === 'goalpost') expect([i.normalise.min, i.normalise.max], i.id).toEqual([0, 100]);
      else expect(i.normalise.method, i.id).toBe('target');
    }
  });

  it('maps yes/no facts to [0, 1] with goalposts 0 and 1', () => {
    const booleans = indicators.filter((i) => i.unit === 'boolean');
    expect(booleans.length).toBeGreaterThan(0);
    for (const i of booleans) {
      expect(i.range, i.id).toEqual([0, 1]);
      expect(i.normalise, i.id).toEqual({ method: 'goalpost', min: 0, max: 1, clip: true });
    }
  });

  it('puts goalposts of every level indicator at its lowest and highest level, inside its range', () => {
    const levelled = indicators.filter((i) => i.unit === 'level');
    expect(levelled.length).toBeGreaterThan(0);
    for (const i of levelled) {
      const values = Object.values(i.levels ?? {});
      expect(values.length, i.id).toBeGreaterThanOrEqual(2);
      const low = Math.min(...values);
      const high = Math.max(...values);
      expect(i.normalise, i.id).toEqual({ method: 'goalpost', min: low, max: high, clip: true });
      expect(i.range, i.id).toEqual([low, high]);
    }
  });

  it('encodes the chief data officer system as 未建立 0 / 试点 1 / 全面推行 2', () => {
    const cdo = framework.nodeById.get('chief_data_officer');
    expect(cdo?.kind).toBe('indicator');
    expect(cdo?.kind === 'indicator' ? cdo.levels : undefined).toEqual({ 未建立: 0, 试点: 1, 全面推行: 2 });
  });

  it('keeps log1p counts and targets inside the valid domain', () => {
    for (const i of indicators) {
      const [low, high] = i.range ?? [Number.NaN, Number.NaN];
      expect(low, i.id).toBeLessThan(high);
      // log1p is defined for x > −1; counts start at 0.
      if (i.transform === 'log1p') expect(low, i.id).toBeGreaterThanOrEqual(0);
      if (i.normalise.method === 'target') {
        expect(i.normalise.target, i.id).toBeGreaterThan(low);
        expect(i.normalise.target, i.id).toBeLessThanOrEqual(high);
      }
    }
  });

  it('scores time indicators with lower-is-better direction', () => {
    const negatives = indicators.filter((i) => i.direction === 'negative').map((i) => i.id);
    expect(negatives).toEqual(['avg_processing_days', 'business_startup_days']);
    expect(indicators.filter((i) => i.unit === 'days').every((i) => i.direction === 'negative')).toBe(true);
  });

  it('spreads every dimension over indicators whose effective weights add up to 1', () => {
    // Effective weight of an indicator = product of shares along its path; over the whole tree
    // they sum to 1 (e.g. organization 0.10 = 3 groups × 1/3 × their indicators' shares).
    const effective = (i: ResolvedIndicator): number =>
      i.path.reduce((w, id) => {
        const node = framework.nodeById.get(id);
        return w * (node?.kind === 'group' ? node.share : Number.NaN);
      }, i.share);
    const total = indicators.reduce((sum, i) => sum + effective(i), 0);
    expect(total).toBeCloseTo(1, 12);
    const organization = indicators.filter((i) => i.path[0] === 'organization').reduce((sum, i) => sum + effective(i), 0);
    expect(organization).toBeCloseTo(0.1, 12);
  });

  it('has the four tiers of DESIGN.md, best first, each with a colour', () => {
    const tiers = framework.tiers;
    expect(tiers?.method).toBe('rules');
    expect(tiers?.levels.map((l) => [l.id, l.name.zh])).toEqual([
      ['leading', '引领型'],
      ['quality', '优质型'],
      ['distinctive', '特色型'],
      ['developing', '发展型'],
    ]);
    const rules: (TierRule | undefined)[] = (tiers?.levels ?? []).map((l) => l.rule);
    expect(rules).toEqual([
      { kind: 'rank', bounds: { max: 4 } },
      { kind: 'rank', bounds: { max: 8 } },
      {
        kind: 'any',
        rules: [
          { kind: 'rank', bounds: { max: 13 } },
          { kind: 'any_dimension', measure: 'rank', bounds: { max: 3 } },
        ],
      },
      { kind: 'otherwise' },
    ]);
    for (const level of tiers?.levels ?? []) expect(level.color, level.id).toMatch(/^#[0-9a-f]{6}$/iu);
  });
});

/**
 * The synthetic samples are generated by samples/generate.mjs, which carries its own copy of the
 * indicator list; these checks catch the two drifting apart. Scoring them is the engine's test.
 */
describe('samples/ against indicators/cn-dgdi.yaml', () => {
  const SAMPLES = new URL('../../samples/', import.meta.url);
  const ID_COLUMNS = ['region', 'name', 'group', 'period'];
  const readTable = (bytes: Buffer): string[][] => {
    // GBK files are not valid UTF-8; the generator writes either UTF-8 (maybe with BOM) or GBK.
    const utf8 = bytes.toString('utf8');
    const text = utf8.includes('\ufffd') ? iconv.decode(bytes, 'gbk') : utf8.replace(/^\ufeff/u, '');
    return parseCsv(text, { relax_column_count: false }) as string[][];
  };
  const combined = readTable(readFileSync(new URL('provinces-2022.csv', SAMPLES)));
  const perRegionFiles = readdirSync(new URL('2021/', SAMPLES)).filter((f) => f.endsWith('.csv')).sort();

  it('writes the 2022 file with a BOM and a header of the id columns, then every indicator id in file order', () => {
    expect([...readFileSync(new URL('provinces-2022.csv', SAMPLES)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(combined[0]).toEqual([...ID_COLUMNS, ...indicators.map((i) => i.id)]);
  });

  it('covers the 31 provincial-level regions once, in the NBS four regions (10 east, 6 central, 12 west, 3 northeast)', () => {
    const rows = combined.slice(1);
    expect(rows.length).toBe(31);
    expect(new Set(rows.map((r) => r[0])).size).toBe(31);
    expect(rows.every((r) => /^\d{2}0000$/u.test(r[0] ?? '') && r[3] === '2022')).toBe(true);
    const count = (group: string) => rows.filter((r) => r[2] === group).length;
    expect([count('east'), count('central'), count('west'), count('northeast')]).toEqual([10, 6, 12, 3]);
  });

  it('keeps every 2022 cell inside its indicator range, as a number, 是/否 or a level name', () => {
    const problems: string[] = [];
    for (const row of combined.slice(1)) {
      indicators.forEach((indicator, k) => {
        const cell = row[ID_COLUMNS.length + k] ?? '';
        if (cell === '') return; // missing: reweighted
        const value =
          indicator.unit === 'boolean' ? { 是: 1, 否: 0 }[cell] : indicator.levels !== undefined ? indicator.levels[cell] : Number(cell);
        const [low, high] = indicator.range ?? [Number.NaN, Number.NaN];
        if (value === undefined || !(value >= low && value <= high)) problems.push(`${row[1] ?? ''} ${indicator.id}=${cell}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('sends one 2021 file per region, named <code>-<pinyin>.csv, with ids or zh names as headers', () => {
    expect(perRegionFiles.length).toBe(31);
    const byId = new Map(indicators.map((i) => [i.id, i.id]));
    const byZh = new Map(indicators.map((i) => [i.name.zh ?? '', i.id]));
    let filesWithZhHeaders = 0;
    for (const file of perRegionFiles) {
      const [header, row, ...rest] = readTable(readFileSync(new URL(`2021/${file}`, SAMPLES)));
      expect(rest, file).toEqual([]);
      expect(header?.slice(0, 4), file).toEqual(ID_COLUMNS);
      const columns = header?.slice(4) ?? [];
      const isZh = columns.every((c) => byZh.has(c));
      if (isZh) filesWithZhHeaders += 1;
      expect(columns.map((c) => (isZh ? byZh : byId).get(c)), file).toEqual(indicators.map((i) => i.id));
      expect(file, file).toMatch(new RegExp(`^${row?.[0] ?? 'x'}-[a-z]+\\.csv$`, 'u'));
      expect(row?.[3], file).toBe('2021');
    }
    expect(filesWithZhHeaders).toBe(2);
  });
});
