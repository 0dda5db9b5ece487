import { randomBytes } from 'node:crypto';
import type { LicenceType, StaffRole } from '@skinledger/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertAcceptablePassword } from '../common/security/password-policy';
import { hashPassword } from '../common/security/passwords';
import { Location } from '../organizations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { PractitionerCredential } from '../staff/practitioner-credential.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { loadDemoConsents } from './demo-consents';
import { loadDemoHistory } from './demo-history';
import { loadDemoInventory } from './demo-inventory';
import { loadDemoPatients } from './demo-patients';
import { loadDemoSchedule } from './demo-schedule';
import { loadDemoTreatments } from './demo-treatments';

export const DEMO_ORGANIZATION_NAME = 'Harbour Skin Clinic';

interface DemoStaff {
  name: string;
  email: string;
  role: StaffRole;
  location: 0 | 1;
  credentials?: { licenceType: LicenceType; licenceNumber: string; jurisdiction: string; expiresOn: string }[];
}

/** Staff of every role; one nurse's licence has lapsed, as happens in real clinics. */
const DEMO_STAFF: DemoStaff[] = [
  { name: 'Dr. Maya Okafor', email: 'owner@harbour.demo', role: 'owner', location: 0 },
  { name: 'Priya Raman', email: 'admin@harbour.demo', role: 'admin', location: 0 },
  {
    name: 'Dr. Samuel Osei',
    email: 'physician@harbour.demo',
    role: 'physician',
    location: 0,
    credentials: [{ licenceType: 'physician', licenceNumber: 'MD-2291044', jurisdiction: 'NY', expiresOn: '2028-01-31' }],
  },
  {
    name: 'Dana Whitfield',
    email: 'nurse@harbour.demo',
    role: 'nurse',
    location: 0,
    credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', jurisdiction: 'NY', expiresOn: '2027-06-30' }],
  },
  {
    name: 'Leo Marchetti',
    email: 'leo.nurse@harbour.demo',
    role: 'nurse',
    location: 1,
    credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-771205', jurisdiction: 'IL', expiresOn: '2026-09-30' }],
  },
  {
    name: 'Chloe Bennett',
    email: 'aesthetician@harbour.demo',
    role: 'aesthetician',
    location: 1,
    credentials: [{ licenceType: 'licensed_aesthetician', licenceNumber: 'LE-30917', jurisdiction: 'IL', expiresOn: '2027-03-31' }],
  },
  { name: 'Tom Alvarez', email: 'frontdesk@harbour.demo', role: 'front_desk', location: 0 },
  { name: 'Nina Petrova', email: 'nina.frontdesk@harbour.demo', role: 'front_desk', location: 1 },
];

export interface DemoResult {
  created: boolean;
  organizationId: string;
  accounts: { email: string; role: StaffRole }[];
}

/**
 * Loads the demo clinic in one transaction: two locations in two time zones, staff of every role and about 200
 * patients with medical histories, cartridge lots and pen devices, signed consents, a week of appointments and a
 * treatment history (sessions, adverse events, outcome scores), and a year of history behind it for the reports
 * (demo-history.ts).
 * Running it again changes nothing.
 */
/** A random password every demo account accepts (16 characters; redrawn in the rare case it holds someone's name). */
export function generateDemoPassword(): string {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url');
    try {
      for (const person of DEMO_STAFF) assertAcceptablePassword('DEMO_PASSWORD', candidate, person);
      return candidate;
    } catch {
      // drawn again
    }
  }
}

export async function loadDemoClinic(dataSource: DataSource, password: string, audit: AuditService): Promise<DemoResult> {
  // One password for every demo account: it must pass the policy for each of them (e.g. not contain anyone's name).
  for (const person of DEMO_STAFF) assertAcceptablePassword('DEMO_PASSWORD', password, person);
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    const existing = await manager.findOneBy(Organization, { name: DEMO_ORGANIZATION_NAME });
    if (existing) {
      const staff = await manager.findBy(StaffMember, { organizationId: existing.id });
      return { created: false, organizationId: existing.id, accounts: staff.map((s) => ({ email: s.email, role: s.role })) };
    }
    const organization = await manager.save(manager.create(Organization, { name: DEMO_ORGANIZATION_NAME, settings: {} }));
    const locations = await manager.save([
      manager.create(Location, {
        organizationId: organization.id,
        name: 'Harbour Street',
        address: '18 Harbour Street, Brooklyn, NY 11201',
        phone: '+1 718 555 0142',
        timezone: 'America/New_York',
        isActive: true,
      }),
      manager.create(Location, {
        organizationId: organization.id,
        name: 'Lakeside',
        address: '400 N Lake Shore Dr, Chicago, IL 60611',
        phone: '+1 312 555 0177',
        timezone: 'America/Chicago',
        isActive: true,
      }),
    ]);
    const staff: StaffMember[] = [];
    for (const person of DEMO_STAFF) staff.push(await createStaff(manager, audit, organization, locations[person.location], person, passwordHash));
    const clinicians = staff.filter((s) => s.role === 'nurse' || s.role === 'physician').map((s) => s.id);
    await loadDemoPatients(manager, organization.id, clinicians);
    await loadDemoInventory(manager, organization.id, [locations[0].id, locations[1].id], clinicians[0]);
    await loadDemoConsents(manager, audit, organization.id, staff[0].id, clinicians);
    const byEmail = (email: string) => staff.find((s) => s.email === email)?.id as string;
    // Leo's licence has lapsed, so he sees consultations only; Chloe (aesthetician) does cosmetic needling.
    await loadDemoSchedule(
      manager,
      organization.id,
      locations,
      [
        { id: byEmail('physician@harbour.demo'), location: 0, days: [1, 2, 3, 4, 5], start: 9, end: 17, services: [0, 0, 1, 2, 3] },
        { id: byEmail('nurse@harbour.demo'), location: 0, days: [1, 2, 3, 4, 5, 6], start: 8, end: 16, services: [0, 1, 1, 2] },
        { id: byEmail('leo.nurse@harbour.demo'), location: 1, days: [1, 2, 3, 4, 5], start: 10, end: 18, services: [2, 3] },
        { id: byEmail('aesthetician@harbour.demo'), location: 1, days: [2, 3, 4, 5, 6], start: 9, end: 17, services: [1, 1, 2] },
      ],
      byEmail('owner@harbour.demo'),
    );
    await loadDemoTreatments(manager, organization.id, byEmail('nurse@harbour.demo'));
    await loadDemoHistory(manager, audit, { organizationId: organization.id, locations, staff });
    return { created: true, organizationId: organization.id, accounts: DEMO_STAFF.map((s) => ({ email: s.email, role: s.role })) };
  });
}

async function createStaff(
  manager: EntityManager,
  audit: AuditService,
  organization: Organization,
  location: Location,
  person: DemoStaff,
  passwordHash: string,
): Promise<StaffMember> {
  const staffMember = await manager.save(
    manager.create(StaffMember, {
      organizationId: organization.id,
      email: person.email,
      name: person.name,
      role: person.role,
      passwordHash,
      isActive: true,
      defaultLocationId: location.id,
    }),
  );
  for (const credential of person.credentials ?? []) {
    await manager.save(manager.create(PractitionerCredential, { ...credential, organizationId: organization.id, staffMemberId: staffMember.id }));
  }
  await audit.record(
    manager,
    { organizationId: organization.id, staffMemberId: null, ip: '127.0.0.1', requestId: 'demo-loader', userAgent: null },
    { action: 'staff.created', entityType: 'staff_member', entityId: staffMember.id, changes: { email: { to: person.email }, role: { to: person.role }, source: { to: 'demo' } } },
  );
  return staffMember;
}
