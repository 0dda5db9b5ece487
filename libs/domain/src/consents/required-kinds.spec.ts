import { consentMissingViolations, requiredConsentKinds } from './required-kinds';

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
});
