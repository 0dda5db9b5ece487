import { dayNumber, linear, scoreDomain, scoreTicks, timeDomain } from './outcomeChartScale';

describe('the outcome chart’s scales', () => {
  it('counts calendar days, across month and year ends', () => {
    expect(dayNumber('2026-01-01') - dayNumber('2025-12-31')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('maps a domain linearly onto pixels, and a zero-width domain without dividing by zero', () => {
    const x = linear([0, 10], [40, 240]);
    expect(x(0)).toBe(40);
    expect(x(5)).toBe(140);
    expect(x(10)).toBe(240);
    expect(Number.isFinite(linear([3, 3], [0, 100])(3))).toBe(true);
  });

  it('widens a single day to a month so one assessment still shows', () => {
    const [lo, hi] = timeDomain(['2026-05-10']);
    expect(hi - lo).toBe(30);
  });

  it('pads a long course by at least a week on each side', () => {
    const [lo, hi] = timeDomain(['2026-01-01', '2026-03-01']);
    expect(dayNumber('2026-01-01') - lo).toBe(7);
    expect(hi - dayNumber('2026-03-01')).toBe(7);
  });

  it('shows the whole scale when it is short (grades 1–4)', () => {
    expect(scoreDomain([2, 3], 1, 4)).toEqual([1, 4]);
    expect(scoreDomain([], 0, 84)).toEqual([0, 84]);
  });

  it('zooms a long scale in on the scores, inside the scale, so 24 → 18 on a 0–84 score is visible', () => {
    const [lo, hi] = scoreDomain([24, 18], 0, 84);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(84);
    expect(lo).toBeLessThanOrEqual(18);
    expect(hi).toBeGreaterThanOrEqual(24);
    expect(scoreDomain([1, 83], 0, 84)).toEqual([0, 84]);
  });

  it('puts round ticks across the range', () => {
    expect(scoreTicks(0, 10)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(scoreTicks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(scoreTicks(0, 84)).toEqual([0, 25, 50, 75]);
  });
});
