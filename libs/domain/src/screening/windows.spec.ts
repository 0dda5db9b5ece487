import { formatWindowLength, isValidWindowLength, WINDOW_RULE_CODES, WINDOW_RULES, windowEligibleFrom } from './windows';

describe('window rules', () => {
  it('has the defaults of domain.md section 4', () => {
    const defaults = Object.fromEntries(WINDOW_RULES.map((r) => [r.code, r.defaultLength]));
    expect(defaults).toEqual({
      isotretinoin_window: { months: 6 },
      radiation_window: { months: 3 },
      dermal_filler_window: { months: 6 },
      botulinum_toxin_window: { days: 14 },
      chemical_peel_window: { days: 30 },
      laser_ipl_window: { days: 14 },
      sunburn_window: { days: 14 },
      topical_retinoid_window: { days: 7 },
      waxing_window: { days: 3 },
      recent_scar_window: { months: 6 },
    });
    expect(WINDOW_RULES.map((r) => r.code)).toEqual([...WINDOW_RULE_CODES]);
  });
  it('formats lengths with units', () => {
    expect(formatWindowLength({ days: 14 })).toBe('14 days');
    expect(formatWindowLength({ days: 1 })).toBe('1 day');
    expect(formatWindowLength({ months: 1 })).toBe('1 month');
    expect(formatWindowLength({ months: 6 })).toBe('6 months');
  });
  it('computes the first eligible date', () => {
    expect(windowEligibleFrom('2026-03-10', { days: 3 })).toBe('2026-03-13');
    expect(windowEligibleFrom('2026-08-25', { months: 6 })).toBe('2027-02-25');
    expect(windowEligibleFrom('2026-08-31', { months: 6 })).toBe('2027-02-28');
    expect(windowEligibleFrom('2026-03-10', { days: 0 })).toBe('2026-03-10');
  });
  it('validates lengths', () => {
    expect(isValidWindowLength({ days: 0 })).toBe(true);
    expect(isValidWindowLength({ months: 12 })).toBe(true);
    expect(isValidWindowLength({ days: -1 })).toBe(false);
    expect(isValidWindowLength({ months: 1.5 })).toBe(false);
  });
});
