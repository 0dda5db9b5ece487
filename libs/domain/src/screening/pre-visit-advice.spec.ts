import { emptyMedicalHistory } from './answers';
import { preVisitAdvice } from './pre-visit-advice';
import { screenPatient } from './screen-patient';

const screen = (changes: Partial<ReturnType<typeof emptyMedicalHistory>>) =>
  screenPatient({ answers: { ...emptyMedicalHistory(), ...changes }, fitzpatrickType: 3, procedure: 'medical', onDate: '2026-12-20' });

describe('preVisitAdvice', () => {
  it('tells the patient plainly that the treatment must wait, and from when, for isotretinoin inside its window', () => {
    const advice = preVisitAdvice(screen({ isotretinoinLastDoseOn: '2026-09-01' }), '2026-12-20', 'en-US');
    expect(advice.code).toBe('must-wait');
    expect(advice.eligibleFrom).toBe('2027-03-01');
    expect(advice.message).toMatch(/has to wait: it can be done from .*2027/);
    // No clinical jargon and no rule names in what the patient reads.
    expect(advice.message).not.toMatch(/isotretinoin|contraindication|window|absolute/i);
  });

  it('says the treatment cannot go ahead, without a date, for a blocker that does not lapse by itself', () => {
    const advice = preVisitAdvice(screen({ pregnantOrBreastfeeding: true }), '2026-12-20');
    expect(advice).toEqual({ code: 'must-wait', message: expect.stringMatching(/cannot go ahead as planned/) });
  });

  it('thanks the patient when nothing blocks (warnings are the practitioner’s to review)', () => {
    const advice = preVisitAdvice(screen({ keloidHistory: true }), '2026-12-20');
    expect(advice.code).toBe('ready');
  });
});
