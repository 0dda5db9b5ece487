import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@skinledger/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/common/security/passwords';
import { Location } from '../src/organizations/location.entity';
import { Organization } from '../src/organizations/organization.entity';
import { allocateMrns } from '../src/patients/mrn.queries';
import { Patient } from '../src/patients/patient.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { ApiClient } from './api-client';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

function unique(): string {
  return randomBytes(4).toString('hex');
}

/** Persists an organization with one location; overrides win. */
export async function newOrganization(dataSource: DataSource, overrides: Partial<Organization> = {}) {
  const organization = await dataSource.getRepository(Organization).save({ name: `Clinic ${unique()}`, settings: {}, ...overrides });
  const location = await newLocation(dataSource, organization.id);
  return { organization, location };
}

export async function newLocation(dataSource: DataSource, organizationId: string, overrides: Partial<Location> = {}) {
  return dataSource.getRepository(Location).save({
    organizationId,
    name: `Site ${unique()}`,
    timezone: 'America/New_York',
    address: '1 Main Street',
    phone: '',
    isActive: true,
    ...overrides,
  });
}

export async function newStaffMember(
  dataSource: DataSource,
  organizationId: string,
  overrides: Partial<StaffMember> & { role?: StaffRole } = {},
): Promise<StaffMember> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return dataSource.getRepository(StaffMember).save({
    organizationId,
    email: `staff-${unique()}@clinic.test`,
    name: `Staff ${unique()}`,
    role: 'nurse',
    passwordHash: await passwordHash,
    isActive: true,
    ...overrides,
  });
}

export async function signIn(app: TestApp, email: string, password = TEST_PASSWORD): Promise<ApiClient> {
  const client = app.client();
  const response = await client.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.text}`);
  return client;
}

/** An organization with a signed-in member of the given role: the usual starting point of a test. */
export async function signedInOrganization(app: TestApp, role: StaffRole = 'owner') {
  const { organization, location } = await newOrganization(app.dataSource);
  const staffMember = await newStaffMember(app.dataSource, organization.id, { role, defaultLocationId: location.id });
  const client = await signIn(app, staffMember.email);
  return { organization, location, staffMember, client };
}

/** Persists a patient with the organization's next MRN; overrides win. */
export async function newPatient(dataSource: DataSource, organizationId: string, overrides: Partial<Patient> = {}): Promise<Patient> {
  return dataSource.transaction(async (manager) => {
    const [mrn] = await allocateMrns(manager, organizationId);
    return manager.save(
      manager.create(Patient, {
        organizationId,
        mrn,
        externalId: null,
        firstName: 'Test',
        lastName: `Patient ${unique()}`,
        preferredName: null,
        dateOfBirth: '1985-06-15',
        sex: 'unknown',
        phone: null,
        email: null,
        address: null,
        emergencyContact: null,
        fitzpatrickType: 3,
        allergies: [],
        notes: '',
        tags: [],
        archivedAt: null,
        archivedBy: null,
        archiveReason: null,
        ...overrides,
      }),
    );
  });
}
