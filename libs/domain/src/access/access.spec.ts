import { canAssignRole, canResetPassword, roleHasPermission, STAFF_ROLES, PERMISSION_MATRIX } from './index';
import { credentialViolation, isCredentialCurrent, licensedForDepthThrough, maxDepthAllowedMm, mayPerformMedicalNeedling } from './credentials';
import { canonicalTimeZone, isIanaTimeZone } from './timezones';

describe('permission matrix', () => {
  it('declares permissions for every role', () => {
    for (const role of STAFF_ROLES) expect(PERMISSION_MATRIX[role]).toBeDefined();
  });
  it('lets only owners and admins manage staff and read the audit trail', () => {
    expect(roleHasPermission('owner', 'staff.manage')).toBe(true);
    expect(roleHasPermission('admin', 'audit.read')).toBe(true);
    expect(roleHasPermission('nurse', 'staff.manage')).toBe(false);
    expect(roleHasPermission('front_desk', 'audit.read')).toBe(false);
  });
  it('lets every role find and register patients, but keeps clinical records from the front desk', () => {
    for (const role of STAFF_ROLES) {
      expect(roleHasPermission(role, 'patients.read')).toBe(true);
      expect(roleHasPermission(role, 'patients.write')).toBe(true);
      expect(roleHasPermission(role, 'medical_history.write')).toBe(true);
    }
    expect(roleHasPermission('nurse', 'clinical_record.read')).toBe(true);
    expect(roleHasPermission('aesthetician', 'clinical_record.read')).toBe(true);
    expect(roleHasPermission('front_desk', 'clinical_record.read')).toBe(false);
  });

  it('keeps import, export and clinical settings to owners and admins', () => {
    for (const permission of ['patients.import', 'patients.export', 'settings.manage'] as const) {
      expect(roleHasPermission('owner', permission)).toBe(true);
      expect(roleHasPermission('admin', permission)).toBe(true);
      expect(roleHasPermission('physician', permission)).toBe(false);
      expect(roleHasPermission('front_desk', permission)).toBe(false);
    }
  });

  it('lets every role read stock, front desk also receive it, and only clinical stock keepers change or recall it', () => {
    for (const role of STAFF_ROLES) expect(roleHasPermission(role, 'inventory.read')).toBe(true);
    expect(roleHasPermission('front_desk', 'inventory.receive')).toBe(true);
    expect(roleHasPermission('front_desk', 'inventory.write')).toBe(false);
    expect(roleHasPermission('aesthetician', 'inventory.receive')).toBe(false);
    expect(roleHasPermission('aesthetician', 'inventory.write')).toBe(false);
    for (const role of ['owner', 'admin', 'physician', 'nurse'] as const) {
      for (const permission of ['inventory.receive', 'inventory.write', 'inventory.recall', 'devices.manage'] as const) {
        expect(roleHasPermission(role, permission)).toBe(true);
      }
    }
    expect(roleHasPermission('front_desk', 'inventory.recall')).toBe(false);
    expect(roleHasPermission('aesthetician', 'devices.manage')).toBe(false);
  });

  it('lets everyone who reads the book read the waitlist, and everyone who books manage it', () => {
    for (const role of STAFF_ROLES) {
      expect(roleHasPermission(role, 'waitlist.read')).toBe(roleHasPermission(role, 'schedule.read'));
      // Offering a slot ends in a booking: only roles that may book may offer.
      expect(roleHasPermission(role, 'waitlist.manage')).toBe(roleHasPermission(role, 'schedule.book'));
    }
    expect(roleHasPermission('front_desk', 'waitlist.manage')).toBe(true);
  });

  it('keeps the owner role for owners to hand out', () => {
    expect(canAssignRole('admin', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'nurse')).toBe(true);
    expect(canAssignRole('owner', 'owner')).toBe(true);
    expect(canAssignRole('nurse', 'front_desk')).toBe(false);
  });
});

describe('password resets by another person', () => {
  it('are allowed only over strictly lower roles', () => {
    expect(canResetPassword('owner', 'admin')).toBe(true);
    expect(canResetPassword('owner', 'nurse')).toBe(true);
    expect(canResetPassword('admin', 'nurse')).toBe(true);
    expect(canResetPassword('owner', 'owner')).toBe(false);
    expect(canResetPassword('admin', 'admin')).toBe(false);
    expect(canResetPassword('admin', 'owner')).toBe(false);
    expect(canResetPassword('nurse', 'front_desk')).toBe(false);
  });
});

describe('practitioner credentials', () => {
  const nurse = { licenceType: 'registered_nurse' as const, expiresOn: '2026-06-30' };
  const aesthetician = { licenceType: 'licensed_aesthetician' as const, expiresOn: '2027-01-01' };

  it('counts a licence through its expiry day and not the day after', () => {
    expect(isCredentialCurrent(nurse, '2026-06-29')).toBe(true);
    expect(isCredentialCurrent(nurse, '2026-06-30')).toBe(true);
    expect(isCredentialCurrent(nurse, '2026-07-01')).toBe(false);
  });
  it('allows medical depth only with a current licence that reaches 0.5 mm', () => {
    expect(mayPerformMedicalNeedling([nurse], '2026-06-30')).toBe(true);
    expect(mayPerformMedicalNeedling([nurse], '2026-07-01')).toBe(false);
    expect(mayPerformMedicalNeedling([aesthetician], '2026-06-01')).toBe(false);
    expect(maxDepthAllowedMm([aesthetician, nurse], '2026-06-01')).toBe(2.5);
    expect(maxDepthAllowedMm([], '2026-06-01')).toBe(0);
  });
  it('gives one reason a practitioner may not treat: no licence, none current, or none deep enough', () => {
    expect(credentialViolation([], '2026-06-01')?.code).toBe('credential-missing');
    expect(credentialViolation([nurse], '2026-07-01')).toEqual({
      code: 'credential-expired',
      message: "The practitioner's licence expired on Jun 30, 2026: no treating on Jul 1, 2026",
    });
    expect(credentialViolation([aesthetician], '2026-06-01', 0.5)).toEqual({
      code: 'credential-insufficient',
      message: 'Medical needling (0.5 mm or deeper) needs a practitioner whose current licence allows it',
    });
    expect(credentialViolation([aesthetician], '2026-06-01', 0.25)).toBeNull();
    expect(credentialViolation([aesthetician, nurse], '2026-06-01', 0.5)).toBeNull();
  });
  it('knows the last day a licence allows a depth', () => {
    expect(licensedForDepthThrough([aesthetician, nurse], 0.5)).toBe('2026-06-30');
    expect(licensedForDepthThrough([aesthetician], 0.5)).toBeNull();
    expect(licensedForDepthThrough([aesthetician, nurse], 0.25)).toBe('2027-01-01');
  });
});

describe('time zones', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isIanaTimeZone('Europe/London')).toBe(true);
    expect(isIanaTimeZone('America/New_York')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('EST5')).toBe(false);
  });
  it('stores the canonical spelling', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
  });
});

describe('consent permissions', () => {
  it('every role reads consents; front desk prepares and runs the kiosk but does not revoke', () => {
    for (const role of STAFF_ROLES) {
      expect(roleHasPermission(role, 'consents.read')).toBe(true);
      expect(roleHasPermission(role, 'consents.prepare')).toBe(true);
    }
    expect(roleHasPermission('front_desk', 'consents.revoke')).toBe(false);
    expect(roleHasPermission('nurse', 'consents.revoke')).toBe(true);
  });

  it('only owners and admins manage consent templates', () => {
    expect(STAFF_ROLES.filter((role) => roleHasPermission(role, 'consent_templates.manage')).sort()).toEqual(['admin', 'owner']);
  });
});
