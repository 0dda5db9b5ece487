import { DEFAULT_RULE_SEVERITY, SCREENING_RULE_CODES } from './rules';
import { DEFAULT_SCREENING_SETTINGS, resolveScreeningSettings, ruleSeverityFor, validateScreeningSettings } from './settings';

describe('screening settings', () => {
  it('defaults absolute and window rules to absolute and the rest to relative', () => {
    expect(DEFAULT_RULE_SEVERITY.pregnancy).toBe('absolute');
    expect(DEFAULT_RULE_SEVERITY.isotretinoin_window).toBe('absolute');
    expect(DEFAULT_RULE_SEVERITY.waxing_window).toBe('absolute');
    expect(DEFAULT_RULE_SEVERITY.nickel_allergy).toBe('absolute');
    expect(DEFAULT_RULE_SEVERITY.keloid_history).toBe('relative');
    expect(DEFAULT_RULE_SEVERITY.history_stale).toBe('relative');
    expect(Object.keys(DEFAULT_RULE_SEVERITY)).toEqual([...SCREENING_RULE_CODES]);
  });
  it('has the documented defaults', () => {
    expect(DEFAULT_SCREENING_SETTINGS.historyMaxAgeDays).toBe(90);
    expect(DEFAULT_SCREENING_SETTINGS.pihRiskMinFitzpatrickType).toBe(5);
    expect(DEFAULT_SCREENING_SETTINGS.antiviralProphylaxisDaysBefore).toBe(2);
    expect(DEFAULT_SCREENING_SETTINGS.windows.isotretinoin_window).toEqual({ months: 6 });
    expect(DEFAULT_SCREENING_SETTINGS.windows.botulinum_toxin_window).toEqual({ days: 14 });
  });
  it('merges overrides rule by rule', () => {
    const settings = resolveScreeningSettings({
      severity: { keloid_history: 'absolute', sunburn_window: undefined },
      windows: { isotretinoin_window: { months: 12 } },
      historyMaxAgeDays: 30,
    });
    expect(settings.severity.keloid_history).toBe('absolute');
    expect(settings.severity.sunburn_window).toBe('absolute');
    expect(settings.severity.pregnancy).toBe('absolute');
    expect(settings.windows.isotretinoin_window).toEqual({ months: 12 });
    expect(settings.windows.radiation_window).toEqual({ months: 3 });
    expect(settings.historyMaxAgeDays).toBe(30);
    expect(DEFAULT_SCREENING_SETTINGS.severity.keloid_history).toBe('relative');
  });
  it('keeps defaults for entries set to undefined', () => {
    const settings = resolveScreeningSettings({ historyMaxAgeDays: undefined, windows: { waxing_window: undefined } });
    expect(settings.historyMaxAgeDays).toBe(90);
    expect(settings.windows.waxing_window).toEqual({ days: 3 });
  });
  it('lets a procedure-specific severity win', () => {
    const settings = resolveScreeningSettings({ severityByProcedure: { cosmetic: { waxing_window: 'relative' } } });
    expect(ruleSeverityFor(settings, 'waxing_window', 'cosmetic')).toBe('relative');
    expect(ruleSeverityFor(settings, 'waxing_window', 'medical')).toBe('absolute');
  });
  it('bounds window lengths and ages, so a typo can neither switch screening off nor freeze it', () => {
    expect(validateScreeningSettings({ windows: { isotretinoin_window: { months: 1000000000 } } })).toEqual(['windows: isotretinoin_window must be 1 to 120 months']);
    expect(validateScreeningSettings({ windows: { waxing_window: { days: 0 } } })).toEqual(['windows: waxing_window must be 1 to 3650 days']);
    expect(validateScreeningSettings({ windows: { isotretinoin_window: { months: 2 } } })).toEqual(['windows: isotretinoin_window must be at least 3 months']);
    expect(validateScreeningSettings({ windows: { isotretinoin_window: { months: 12 } } })).toEqual([]);
    expect(validateScreeningSettings({ historyMaxAgeDays: 0 })).toEqual(['historyMaxAgeDays must be a whole number from 1 to 3650']);
  });

  it('keeps absolute contraindications absolute', () => {
    expect(validateScreeningSettings({ severity: { bleeding_disorder: 'off' } })).toEqual([
      'severity: bleeding_disorder is an absolute contraindication and always blocks',
    ]);
    expect(validateScreeningSettings({ severityByProcedure: { medical: { pregnancy: 'relative' } } })).toHaveLength(1);
    expect(validateScreeningSettings({ severity: { keloid_history: 'off', waxing_window: 'relative' } })).toEqual([]);
  });

  it('reports invalid overrides', () => {
    const errors = validateScreeningSettings({
      severity: { pregnancy: 'maybe' as never, bogus: 'off' } as never,
      severityByProcedure: { surgical: {} } as never,
      windows: { waxing_window: { days: -1 }, nope: { days: 1 } } as never,
      historyMaxAgeDays: 1.5,
      pihRiskMinFitzpatrickType: 7 as never,
      antiviralProphylaxisDaysBefore: -1,
    });
    expect(errors).toHaveLength(8);
    expect(() => resolveScreeningSettings({ historyMaxAgeDays: -1 })).toThrow(RangeError);
    expect(validateScreeningSettings({})).toEqual([]);
  });
});
