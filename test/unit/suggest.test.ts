import { describe, expect, it } from 'vitest';
import { suggestClosest } from '../../src/diagnostics/suggest.js';

describe('suggestClosest', () => {
  it('finds a typo within one edit per three characters', () => {
    expect(suggestClosest('scal', ['scale', 'name'])).toBe('scale'); // one insertion, length 5 allows 1
    expect(suggestClosest('onlin_rate', ['online_rate', 'cdo'])).toBe('online_rate'); // 1 edit, length 11 allows 3
    expect(suggestClosest('首席数据官', ['首席数据官制度'])).toBe('首席数据官制度'); // 2 insertions, longer length 7 allows floor(7/3) = 2
  });

  it('counts swapped letters as one edit', () => {
    expect(suggestClosest('mni', ['min', 'max'])).toBe('min'); // Levenshtein 2, but an anagram
    expect(suggestClosest('rnak', ['rank', 'score'])).toBe('rank');
  });

  it('ignores case, surrounding spaces and full width', () => {
    expect(suggestClosest('ONLINE_RATE ', ['online_rate'])).toBe('online_rate');
    expect(suggestClosest('ｒａｎｋ', ['rank'])).toBe('rank');
  });

  it('says nothing when nothing is close or the input is empty', () => {
    expect(suggestClosest('population', ['online_rate', 'cdo'])).toBeUndefined();
    expect(suggestClosest('', ['cdo'])).toBeUndefined();
    expect(suggestClosest('foo', ['rank'])).toBeUndefined();
  });
});
