import { findOutcomeScale } from '../outcomes/outcome-scales';
import { DEPTH_BANDS, depthBandOf, tooFewToCompare } from './depth-bands';
import { improvementPercent, quantile } from './outcome-change';
import { cartridgesPerSession, noShowPercent, per100Sessions, percentOf, utilisationPercent, wastePercent } from './rates';

describe('depth bands of the outcomes report', () => {
  it('puts every device setting (0–2.5 mm in 0.25 mm steps) in exactly one band', () => {
    const banded = Array.from({ length: 11 }, (_, i) => i * 0.25).map((d) => [d, depthBandOf(d)?.band]);
    expect(banded).toEqual([
      [0, '<0.5'],
      [0.25, '<0.5'],
      [0.5, '0.5–1.0'],
      [0.75, '0.5–1.0'],
      [1, '1.0–1.5'],
      [1.25, '1.0–1.5'],
      [1.5, '1.5–2.0'],
      [1.75, '1.5–2.0'],
      [2, '2.0–2.5'],
      [2.25, '2.0–2.5'],
      [2.5, '2.0–2.5'],
    ]);
  });

  it('keeps 0.5 mm on the medical side of the line (domain.md section 1) despite float noise', () => {
    expect(depthBandOf(0.1 + 0.2 + 0.2)?.procedureKind).toBe('medical');
    expect(depthBandOf(0.3)?.procedureKind).toBe('cosmetic');
  });

  it('refuses depths the device cannot reach', () => {
    expect(depthBandOf(2.75)).toBeNull();
    expect(depthBandOf(-0.25)).toBeNull();
    expect(depthBandOf(Number.NaN)).toBeNull();
  });

  it('lists five bands in order, the last ending at the device maximum', () => {
    expect(DEPTH_BANDS.map((b) => b.band)).toEqual(['<0.5', '0.5–1.0', '1.0–1.5', '1.5–2.0', '2.0–2.5']);
    expect(DEPTH_BANDS[4].maxMm).toBe(2.5);
  });

  it('marks a band with fewer than 5 patients as too few to compare', () => {
    expect(tooFewToCompare(4)).toBe(true);
    expect(tooFewToCompare(5)).toBe(false);
  });
});

describe('improvement percent', () => {
  const scar = findOutcomeScale('goodman_baron_quantitative')!;
  const tone = findOutcomeScale('tone_index')!;

  it('is positive when a lower-is-better score falls', () => {
    expect(improvementPercent(scar, 24, 12)).toBe(50);
    expect(improvementPercent(scar, 24, 30)).toBe(-25);
  });

  it('is positive when a higher-is-better score rises', () => {
    expect(improvementPercent(tone, 400, 500)).toBe(25);
    expect(improvementPercent(tone, 400, 300)).toBe(-25);
  });

  it('is null without a baseline, or with a baseline of 0', () => {
    expect(improvementPercent(scar, null, 12)).toBeNull();
    expect(improvementPercent(scar, 0, 12)).toBeNull();
  });

  it('reads no change as 0, never -0', () => {
    expect(Object.is(improvementPercent(scar, 10, 10), 0)).toBe(true);
  });
});

describe('quantile (percentile_cont)', () => {
  it('interpolates between closest ranks like PostgreSQL', () => {
    // SELECT percentile_cont(ARRAY[0.25,0.5,0.75]) WITHIN GROUP (ORDER BY v) FROM unnest('{10,20,40,80}'::float8[]) v → {17.5,30,50}
    expect(quantile([80, 10, 40, 20], 0.25)).toBe(17.5);
    expect(quantile([80, 10, 40, 20], 0.5)).toBe(30);
    expect(quantile([80, 10, 40, 20], 0.75)).toBe(50);
  });

  it('is the value itself for one value, null for none', () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('refuses a p outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('report ratios', () => {
  it('rounds percents to one decimal and answers null for nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('counts waste against cartridges taken for patients (used + wasted)', () => {
    expect(wastePercent(18, 2)).toBe(10);
    expect(wastePercent(0, 0)).toBeNull();
  });

  it('counts no-shows against appointments that were due, not cancelled ones', () => {
    expect(noShowPercent({ completed: 18, noShows: 2 })).toBe(10);
    expect(noShowPercent({ completed: 0, noShows: 0 })).toBeNull();
  });

  it('allows utilisation over 100 % when staff book beyond their hours', () => {
    expect(utilisationPercent(480, 480)).toBe(100);
    expect(utilisationPercent(540, 480)).toBe(112.5);
  });

  it('gives cartridges per session to two decimals', () => {
    expect(cartridgesPerSession(21, 20)).toBe(1.05);
    expect(cartridgesPerSession(3, 0)).toBeNull();
  });

  it('gives adverse events per 100 sessions, null without sessions', () => {
    expect(per100Sessions(3, 40)).toBe(7.5);
    expect(per100Sessions(1, 3)).toBe(33.3);
    expect(per100Sessions(0, 0)).toBeNull();
  });
});
