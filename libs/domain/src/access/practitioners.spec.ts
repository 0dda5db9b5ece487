import { isTreatingPractitioner, treatingPractitionerViolation } from './practitioners';

const licence = (licenceType: 'registered_nurse' | 'licensed_aesthetician' | 'physician', expiresOn = '2027-06-30') => ({ licenceType, expiresOn });

describe('who may be named as the treating practitioner (domain.md section 1)', () => {
  it('is a physician, nurse or aesthetician with a current licence', () => {
    expect(treatingPractitionerViolation({ role: 'nurse', active: true, credentials: [licence('registered_nurse')] }, '2026-12-02')).toBeNull();
    expect(isTreatingPractitioner({ role: 'aesthetician', active: true, credentials: [licence('licensed_aesthetician')] }, '2026-12-02')).toBe(true);
  });

  it('is never the front desk, an administrator or an owner, whatever they hold, nor someone not on the staff', () => {
    for (const role of ['front_desk', 'admin', 'owner'] as const) {
      expect(treatingPractitionerViolation({ role, active: true, credentials: [licence('physician')] }, '2026-12-02')?.code).toBe('not-a-practitioner');
    }
    expect(treatingPractitionerViolation(null, '2026-12-02')?.code).toBe('not-a-practitioner');
  });

  it('refuses a deactivated account, no licence, a licence expired on the day, and a licence short of the depth', () => {
    expect(treatingPractitionerViolation({ role: 'nurse', active: false, credentials: [licence('registered_nurse')] }, '2026-12-02')?.code).toBe('practitioner-inactive');
    expect(treatingPractitionerViolation({ role: 'nurse', active: true, credentials: [] }, '2026-12-02')?.code).toBe('credential-missing');
    expect(treatingPractitionerViolation({ role: 'nurse', active: true, credentials: [licence('registered_nurse', '2026-12-01')] }, '2026-12-02')?.code).toBe(
      'credential-expired',
    );
    // Valid through the expiry date itself.
    expect(treatingPractitionerViolation({ role: 'nurse', active: true, credentials: [licence('registered_nurse', '2026-12-02')] }, '2026-12-02')).toBeNull();
    const aesthetician = { role: 'aesthetician' as const, active: true, credentials: [licence('licensed_aesthetician')] };
    expect(treatingPractitionerViolation(aesthetician, '2026-12-02', 0.5)?.code).toBe('credential-insufficient');
    expect(treatingPractitionerViolation(aesthetician, '2026-12-02', 0.25)).toBeNull();
  });
});
