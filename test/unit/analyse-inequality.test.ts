import { describe, expect, it } from 'vitest';
import { theilDecomposition, theilIndex } from '../../src/analyse/inequality.js';

describe('theilIndex', () => {
  it('is 0 for equal values', () => {
    expect(theilIndex([50, 50, 50])).toBe(0);
  });

  it('treats 0 · ln 0 as 0', () => {
    // 0 and 10: μ = 5; terms 0 (0·ln 0) and 2·ln 2 = 1.386294; T = 1.386294/2 = 0.693147 = ln 2.
    expect(theilIndex([0, 10])).toBeCloseTo(Math.LN2, 12);
  });

  it('is undefined for negative values, a zero mean, or no values', () => {
    expect(theilIndex([-1, 5])).toBeNaN();
    expect(theilIndex([0, 0])).toBeNaN();
    expect(theilIndex([])).toBeNaN();
  });
});

describe('theilDecomposition on six regions', () => {
  // east 60, 80, 100 (μ_e = 80); west 20, 40, 60 (μ_w = 40); all six: μ = 360/6 = 60.
  //
  // Total, directly: T = (1/6) Σ (y/60) ln(y/60)
  //   20: (1/3) ln(1/3) = −0.366204    40: (2/3) ln(2/3) = −0.270310    60: 0 (twice)
  //   80: (4/3) ln(4/3) =  0.383576   100: (5/3) ln(5/3) =  0.851376
  //   sum 0.598438, T = 0.598438/6 = 0.099740
  //
  // Shares: s_e = 3·80/(6·60) = 2/3, s_w = 3·40/(6·60) = 1/3.
  // Between: (2/3) ln(80/60) + (1/3) ln(40/60) = (2/3)(0.287682) + (1/3)(−0.405465)
  //        = 0.191788 − 0.135155 = 0.056633
  // T_e = (1/3)[0.75 ln 0.75 + 0 + 1.25 ln 1.25] = (1/3)[−0.215762 + 0.278929] = 0.021056
  // T_w = (1/3)[0.5 ln 0.5 + 0 + 1.5 ln 1.5]   = (1/3)[−0.346574 + 0.608198] = 0.087208
  // Within: (2/3)(0.021056) + (1/3)(0.087208) = 0.014037 + 0.029069 = 0.043107
  // Between + within = 0.056633 + 0.043107 = 0.099740 = T.
  // Shares of T: between 0.056633/0.099740 = 0.567808, within 0.432192.
  const values = [60, 20, 80, 40, 100, 60];
  const groups = ['east', 'west', 'east', 'west', 'east', 'west'];
  const d = theilDecomposition(values, groups);

  it('computes the total directly', () => {
    expect(d.n).toBe(6);
    expect(d.mean).toBe(60);
    expect(d.total).toBeCloseTo(0.09974, 5);
  });

  it('splits it into between and within, which add up to the total', () => {
    expect(d.between).toBeCloseTo(0.056633, 6);
    expect(d.within).toBeCloseTo(0.043107, 6);
    expect(d.between + d.within).toBeCloseTo(d.total, 12);
    expect(d.betweenShare).toBeCloseTo(0.567808, 6);
    expect(d.withinShare).toBeCloseTo(0.432192, 6);
  });

  it('reports each group, in the order first seen', () => {
    const [east, west] = d.groups;
    expect(east?.group).toBe('east');
    expect(east?.n).toBe(3);
    expect(east?.mean).toBe(80);
    expect(east?.share).toBeCloseTo(2 / 3, 12);
    expect(east?.theil).toBeCloseTo(0.021056, 6);
    expect(east?.between).toBeCloseTo(0.191788, 6);
    expect(east?.within).toBeCloseTo(0.014037, 6);
    expect(west?.group).toBe('west');
    expect(west?.share).toBeCloseTo(1 / 3, 12);
    expect(west?.theil).toBeCloseTo(0.087208, 6);
    expect(west?.between).toBeCloseTo(-0.135155, 6);
  });

  it('gives a group of zeros share 0 and no terms', () => {
    // 0, 0 | 10, 30: μ = 10. Zero group: s = 0, both terms 0 (limit). Other group: s = 40/40 = 1,
    // between ln(20/10) = 0.693147; T_g = (1/2)[0.5 ln 0.5 + 1.5 ln 1.5] = 0.130812; within 0.130812.
    // Total directly: (1/4)[0 + 0 + 1·ln 1 + 3 ln 3] = 3.295837/4 = 0.823959 = 0.693147 + 0.130812.
    const z = theilDecomposition([0, 0, 10, 30], ['a', 'a', 'b', 'b']);
    expect(z.groups[0]?.share).toBe(0);
    expect(z.groups[0]?.between).toBe(0);
    expect(z.groups[0]?.within).toBe(0);
    expect(z.between).toBeCloseTo(0.693147, 6);
    expect(z.within).toBeCloseTo(0.130812, 6);
    expect(z.total).toBeCloseTo(0.823959, 6);
  });

  it('has no shares when there is no inequality', () => {
    const flat = theilDecomposition([5, 5], ['a', 'b']);
    expect(flat.total).toBe(0);
    expect(flat.between).toBe(0);
    expect(flat.betweenShare).toBeNaN();
  });

  it('rejects mismatched inputs as a programmer error', () => {
    expect(() => theilDecomposition([1, 2], ['a'])).toThrow(/2 values but 1 group/);
  });
});
