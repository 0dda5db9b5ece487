import { defaultPractitionerId, practitionerChoices, type StaffForChoice } from './practitionerChoices';

const staff: StaffForChoice[] = [
  { id: 'nurse', name: 'Nora Reyes', role: 'nurse', isActive: true, credentials: [{ licenceType: 'registered_nurse', expiresOn: '2027-06-30' }] },
  { id: 'esthe', name: 'Chloe Park', role: 'aesthetician', isActive: true, credentials: [{ licenceType: 'licensed_aesthetician', expiresOn: '2027-06-30' }] },
  { id: 'lapsed', name: 'Leo Grant', role: 'physician', isActive: true, credentials: [{ licenceType: 'physician', expiresOn: '2026-11-30' }] },
];

describe('who a consent may name as the treating practitioner', () => {
  it('lists everyone by name and role, and explains who cannot treat today', () => {
    expect(practitionerChoices(staff, 'photography', null, '2026-12-02')).toEqual([
      { value: 'esthe', label: 'Chloe Park · Aesthetician', disabled: false, reason: null },
      { value: 'lapsed', label: 'Leo Grant · Physician (licence expired)', disabled: true, reason: 'licence expired' },
      { value: 'nurse', label: 'Nora Reyes · Nurse', disabled: false, reason: null },
    ]);
  });

  it('keeps a medical-needling consent, or a deeper stated depth, to licences that cover it', () => {
    const medical = practitionerChoices(staff, 'medical_needling', null, '2026-12-02');
    expect(medical.find((c) => c.value === 'esthe')).toMatchObject({ disabled: true, reason: 'licence does not cover medical needling' });
    expect(medical.find((c) => c.value === 'nurse')?.disabled).toBe(false);
    const cosmetic = practitionerChoices(staff, 'cosmetic_needling', 0.5, '2026-12-02');
    expect(cosmetic.find((c) => c.value === 'esthe')).toMatchObject({ disabled: true, reason: 'licence does not cover 0.5 mm' });
    expect(practitionerChoices(staff, 'cosmetic_needling', 0.25, '2026-12-02').find((c) => c.value === 'esthe')?.disabled).toBe(false);
  });

  it('starts with the signed-in user only when they may be named', () => {
    const choices = practitionerChoices(staff, 'medical_needling', null, '2026-12-02');
    expect(defaultPractitionerId(choices, 'nurse')).toBe('nurse');
    expect(defaultPractitionerId(choices, 'esthe')).toBeNull();
    expect(defaultPractitionerId(choices, 'front-desk-user')).toBeNull();
  });
});
