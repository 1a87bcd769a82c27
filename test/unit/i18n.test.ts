import { describe, expect, it } from 'vitest';
import { pickText } from '../../src/model/i18n.js';

describe('pickText', () => {
  it('prefers the asked language and falls back to the other', () => {
    expect(pickText({ zh: '组织机构', en: 'Organization' }, 'zh')).toBe('组织机构');
    expect(pickText({ zh: '组织机构' }, 'en')).toBe('组织机构');
    expect(pickText(undefined, 'en', 'x')).toBe('x');
  });
});
