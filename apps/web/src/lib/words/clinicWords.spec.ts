import { setClinicLocale } from '@web/lib/time/clinicFormat';
import { formatInstant } from '@web/lib/time/formatInstant';
import { CONSENT_KIND_LABELS, consentKindLabel, LICENCE_TYPE_LABELS, spell, spelled } from './clinicWords';

afterEach(() => setClinicLocale('en-US'));

describe('the clinic’s English', () => {
  it('spells labels and copy the American way for an en-US clinic', () => {
    setClinicLocale('en-US');
    expect(CONSENT_KIND_LABELS.topical_anesthetic).toBe('Topical anesthetic');
    expect(consentKindLabel('topical_anesthetic')).toBe('Topical anesthetic');
    expect(spell('Refused (device or licence)')).toBe('Refused (device or license)');
    expect(spelled({ a: 'Colour key' }).a).toBe('Color key');
    expect(formatInstant('2026-12-02T15:30:00Z', 'America/New_York')).toBe('Dec 2, 2026, 10:30 AM');
  });

  it('spells the British way and writes 24-hour times for an en-GB clinic', () => {
    setClinicLocale('en-GB');
    expect(CONSENT_KIND_LABELS.topical_anesthetic).toBe('Topical anaesthetic');
    expect(LICENCE_TYPE_LABELS.registered_nurse).toBe('Registered nurse');
    expect(spell('Amide anesthetic')).toBe('Amide anaesthetic');
    expect(formatInstant('2026-12-02T15:30:00Z', 'America/New_York')).toBe('2 Dec 2026, 10:30');
    expect(formatInstant('2026-12-02T15:30:00Z', 'America/New_York', 'time')).toBe('10:30');
  });
});
