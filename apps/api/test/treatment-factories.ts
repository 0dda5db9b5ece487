import { addDays, emptyMedicalHistory, isoDateInTimeZone, type LicenceType, type MedicalHistoryAnswers, type StaffRole } from '@skinledger/domain';
import type { DataSource } from 'typeorm';
import { PractitionerCredential } from '../src/staff/practitioner-credential.entity';
import type { ApiClient } from './api-client';
import { signedConsent } from './consent-factories';
import { newPatient, newStaffMember, signedInOrganization, signIn } from './factories';
import { createProduct, receiveLot } from './inventory-factories';
import type { TestApp } from './test-app';

export const NEW_YORK_TODAY = () => isoDateInTimeZone(new Date(), 'America/New_York');

/** Gives a staff member a licence (by default a registered nurse's, current for a year). */
export async function credential(
  dataSource: DataSource,
  organizationId: string,
  staffMemberId: string,
  licenceType: LicenceType = 'registered_nurse',
  expiresOn = addDays(NEW_YORK_TODAY(), 365),
): Promise<void> {
  await dataSource.getRepository(PractitionerCredential).save({
    organizationId,
    staffMemberId,
    licenceType,
    licenceNumber: `LIC-${Math.floor(Math.random() * 1e6)}`,
    jurisdiction: 'NY',
    expiresOn,
  });
}

/** A patient with a clean medical history recorded today (so screening has nothing to say unless told). */
export async function screenedPatient(client: ApiClient, dataSource: DataSource, organizationId: string, history: Partial<MedicalHistoryAnswers> = {}) {
  const patient = await newPatient(dataSource, organizationId, { fitzpatrickType: 2, phone: '+12125550100', email: `p${Date.now()}@example.test` });
  const response = await client.put(`/api/patients/${patient.id}/medical-history`, { ...emptyMedicalHistory(), ...history });
  if (response.status !== 200) throw new Error(`Recording a history failed: ${response.status} ${response.text}`);
  return patient;
}

/**
 * A clinic at the chair: an owner, a credentialed nurse signed in at the New York location, an active pen, a lot of
 * cartridges on the shelf, and a screened patient.
 */
export async function chair(app: TestApp, options: { role?: StaffRole; lotQuantity?: number } = {}) {
  const owner = await signedInOrganization(app, 'owner');
  const nurse = await newStaffMember(app.dataSource, owner.organization.id, { role: options.role ?? 'nurse', defaultLocationId: owner.location.id });
  await credential(app.dataSource, owner.organization.id, nurse.id);
  const practitioner = await signIn(app, nurse.email);
  const product = await createProduct(owner.client);
  const { lot } = await receiveLot(owner.client, { productId: product.id, locationId: owner.location.id, quantity: options.lotQuantity ?? 5 });
  const device = await owner.client.post('/api/devices', { model: 'SkinPen Precision', serialNumber: `SP-${Date.now()}-${Math.floor(Math.random() * 1e4)}`, locationId: owner.location.id });
  if (device.status !== 201) throw new Error(`Registering a device failed: ${device.status} ${device.text}`);
  const patient = await screenedPatient(owner.client, app.dataSource, owner.organization.id);
  return { ...owner, owner: owner.client, nurse, practitioner, product, lot, device: device.body as { id: string; serialNumber: string }, patient };
}

export type Chair = Awaited<ReturnType<typeof chair>>;

/** The body of a walk-in session at the chair's location with the chair's pen and lot. */
export function walkIn(c: Chair, patch: Record<string, unknown> = {}) {
  return {
    walkInReason: 'Walk-in for a follow-up treatment',
    patientId: c.patient.id,
    locationId: c.location.id,
    deviceId: c.device.id,
    cartridgeLotId: c.lot.id,
    zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }],
    ...patch,
  };
}

/** Valid signed consents of the given kinds for the chair's patient (through the consents API). */
export async function giveConsents(_app: TestApp, c: Pick<Chair, 'owner' | 'patient'>, kinds: string[]): Promise<void> {
  for (const kind of kinds) await signedConsent(c.owner, c.patient.id, kind);
}
