import { consentMissingViolations, consentPractitionerDepthMm, consentsNeededAt, requiredConsentKinds } from './required-kinds';

describe('consent kinds a treatment needs (domain.md section 6)', () => {
  it('asks the procedure consent on top of the service kinds, without repeats', () => {
    expect(requiredConsentKinds({ procedure: 'medical', serviceConsentKinds: ['custom', 'medical_needling'] })).toEqual(['custom', 'medical_needling']);
    expect(requiredConsentKinds({ procedure: 'cosmetic' })).toEqual(['cosmetic_needling']);
  });

  it('asks anaesthetic and photography consents apart, and only the service kinds for a visit without needling', () => {
    expect(requiredConsentKinds({ procedure: 'cosmetic', anesthetic: true, photos: true })).toEqual(['cosmetic_needling', 'topical_anesthetic', 'photography']);
    expect(requiredConsentKinds({ procedure: null, serviceConsentKinds: ['photography'] })).toEqual(['photography']);
  });

  it('names each missing kind in words', () => {
    expect(consentMissingViolations(['medical_needling', 'topical_anesthetic', 'custom'])).toEqual([
      { code: 'consent-missing', message: 'No valid medical needling consent on file', subject: 'medical_needling' },
      { code: 'consent-missing', message: 'No valid topical anaesthetic consent on file', subject: 'topical_anesthetic' },
      { code: 'consent-missing', message: 'No valid custom consent on file', subject: 'custom' },
    ]);
  });

  it('asks consents to count at the start, or now when the patient signs after the booked start', () => {
    const start = new Date('2026-12-02T15:30:00Z');
    expect(consentsNeededAt(start, new Date('2026-12-02T15:00:00Z'))).toBe(start);
    const late = new Date('2026-12-02T15:45:00Z');
    expect(consentsNeededAt(start, late)).toBe(late);
  });

  it('commits the practitioner of a needling consent to its depth, medical needling to the medical threshold at least', () => {
    expect(consentPractitionerDepthMm('medical_needling')).toBe(0.5);
    expect(consentPractitionerDepthMm('medical_needling', 1.5)).toBe(1.5);
    expect(consentPractitionerDepthMm('cosmetic_needling', 0.25)).toBe(0.25);
    expect(consentPractitionerDepthMm('topical_anesthetic', 2)).toBe(0);
    expect(consentPractitionerDepthMm('photography')).toBe(0);
  });
});
