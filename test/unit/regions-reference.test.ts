import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_PROVINCES } from '../../src/regions/cn-provinces.js';
import {
  builtinRegionReference,
  cnProvincesReference,
  createRegionReference,
  lookupRegion,
  regionMatcher,
  requiredRegions,
  type ReferenceRegion,
} from '../../src/regions/region-reference.js';

const provinces = cnProvincesReference();

/** The code a text resolves to, or what happened instead. */
function resolve(text: string): string {
  const match = lookupRegion(provinces, text);
  if (match.kind === 'found') return match.region.code;
  if (match.kind === 'ambiguous') return `ambiguous: ${match.candidates.map((c) => c.code).join(' ')}`;
  return match.suggestion ? `unknown, did you mean ${match.suggestion.text} (${match.suggestion.region.code})` : 'unknown';
}

describe('the cn-provinces table', () => {
  it('has the 34 provincial-level divisions with distinct six-digit GB/T 2260 codes', () => {
    expect(CN_PROVINCES).toHaveLength(34);
    expect(new Set(CN_PROVINCES.map((p) => p.code)).size).toBe(34);
    for (const p of CN_PROVINCES) expect(p.code).toMatch(/^[1-8]\d0000$/u);
  });

  it('splits the 31 mainland divisions 10 east, 6 central, 12 west, 3 northeast (NBS); HK, Macao and Taiwan have no group', () => {
    const count = (group: string) => CN_PROVINCES.filter((p) => p.group === group).length;
    expect([count('east'), count('central'), count('west'), count('northeast'), count('')]).toEqual([10, 6, 12, 3, 3]);
    expect(CN_PROVINCES.filter((p) => p.group === '').map((p) => p.code)).toEqual(['710000', '810000', '820000']);
  });

  it('requires the 31 mainland divisions only', () => {
    const required = requiredRegions(provinces).map((r) => r.code);
    expect(required).toHaveLength(31);
    expect(required).not.toContain('810000');
  });

  it('fills names with the common short form and the NBS group', () => {
    expect(provinces.byCode.get('450000')).toMatchObject({ name: '广西壮族自治区', label: '广西', group: 'west', en: 'Guangxi' });
  });

  it('is the built-in table named cn-provinces, and the only one', () => {
    expect(builtinRegionReference('cn-provinces')).toBe(provinces);
    expect(builtinRegionReference('cn-cities')).toBeUndefined();
    expect(builtinRegionReference('toString')).toBeUndefined();
  });
});

describe('lookupRegion', () => {
  it.each([
    ['code', '330000', '330000'],
    ['full-width code', '３３００００', '330000'],
    ['full name', '浙江省', '330000'],
    ['short name', '浙江', '330000'],
    ['one-character short name', '浙', '330000'],
    ['second abbreviation', '蜀', '510000'],
    ['English name', 'Zhejiang', '330000'],
    ['English, other case and spaces', '  inner   MONGOLIA ', '150000'],
    ['other romanisation', 'Xizang', '540000'],
    ['Shanxi is not Shaanxi', 'Shanxi', '140000'],
    ['Shaanxi is not Shanxi', 'Shaanxi', '610000'],
    ['autonomous region, full', '广西壮族自治区', '450000'],
    ['SAR, short', '香港', '810000'],
    ['typo with a suggestion', '浙将', 'unknown, did you mean 浙江 (330000)'],
    ['English typo with a suggestion', 'Zhejaing', 'unknown, did you mean Zhejiang (330000)'],
    ['near code with a suggestion', '330001', 'unknown, did you mean 330000 (330000)'],
    ['unknown code', '999999', 'unknown'],
    ['unrelated text', '火星', 'unknown'],
  ])('%s: %s → %s', (_case, text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  it('never suggests from a single character: one edit away from every abbreviation is no evidence', () => {
    // '折' is one edit from 浙, 京, 津 … alike; suggesting any of them would be a guess.
    expect(resolve('折')).toBe('unknown');
  });

  it('finds every name and alias of every province, padded and in full width (property)', () => {
    const names = CN_PROVINCES.flatMap((p) => [p.code, p.full, p.short, ...p.abbreviations, ...p.en].map((name) => ({ name, code: p.code })));
    const toFullWidth = (s: string) => s.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.boolean(), fc.stringMatching(/^ {0,3}$/u), ({ name, code }, wide, pad) => {
        expect(resolve(`${pad}${wide ? toFullWidth(name) : name}${pad}`)).toBe(code);
      }),
    );
  });

  it('reports a name two listed regions share as ambiguous, while their codes still work', () => {
    const region = (code: string, name: string, short: string): ReferenceRegion => ({ code, name, label: name, aliases: [short], group: '', isRequired: true });
    const list = createRegionReference('counties.csv', [region('110105', '朝阳区', '朝阳'), region('220104', '朝阳区', '长春朝阳')]);
    expect(lookupRegion(list, '朝阳区')).toMatchObject({ kind: 'ambiguous', candidates: [{ code: '110105' }, { code: '220104' }] });
    expect(lookupRegion(list, '长春朝阳')).toMatchObject({ kind: 'found', region: { code: '220104' } });
    expect(lookupRegion(list, '220104')).toMatchObject({ kind: 'found', region: { code: '220104' } });
  });

  it('regionMatcher answers like lookupRegion, from memory the second time', () => {
    const match = regionMatcher(provinces);
    const first = match('浙将');
    expect(first).toEqual(lookupRegion(provinces, '浙将'));
    expect(match('浙将')).toBe(first);
  });
});
