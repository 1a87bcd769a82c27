import { describe, expect, it } from 'vitest';
import { DATA_MESSAGES } from '../../src/diagnostics/codes/data.js';

/** Arguments of every kind the data codes use, so each sentence is rendered in full. */
const ARGS = {
  path: 'a.csv',
  first: 'a.csv:2',
  second: 'b.csv:3',
  firstAt: 'a.csv:2',
  region: '310000',
  period: '2022',
  indicator: 'services',
  text: 'abc',
  header: 'services',
  columnLetter: 'D',
  firstLetter: 'B',
  target: 'services',
  expected: 'region',
  actual: 3,
  count: 2,
  indicators: 'a, b',
  levels: '未建立, 试点',
  suggestion: 'services',
  value: 120,
  min: 0,
  max: 100,
  reason: 'CSV_X',
};

describe('data diagnostic catalog', () => {
  it.each(Object.keys(DATA_MESSAGES))('%s is worded in en and zh, with nothing left unfilled', (code) => {
    const spec = DATA_MESSAGES[code as keyof typeof DATA_MESSAGES];
    for (const text of [spec.en(ARGS), spec.zh(ARGS), spec.hint.en(ARGS), spec.hint.zh(ARGS)]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it('uses stable kebab-case codes', () => {
    for (const code of Object.keys(DATA_MESSAGES)) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});
