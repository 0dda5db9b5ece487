import { emptyMedicalHistory } from '@skinledger/domain';
import type { ApiClient } from '../api-client';
import { prepareConsent, signedConsent } from '../consent-factories';
import { newPatient, newStaffMember, signedInOrganization, signIn } from '../factories';
import { createProduct, receiveLot } from '../inventory-factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../scheduling-factories';
import type { TestApp } from '../test-app';
import { credential } from '../treatment-factories';
import type { IdPool } from './valid-values';

type Kind =
  | 'staff'
  | 'location'
  | 'patient'
  | 'product'
  | 'lot'
  | 'device'
  | 'template'
  | 'consent'
  | 'session'
  | 'service'
  | 'room'
  | 'appointment'
  | 'plan'
  | 'timeOff'
  | 'feed'
  | 'waitlist'
  | 'freedSlot'
  | 'offer';

type Records = Partial<Record<Kind, string[]>>;

/** Which kind of record a path segment (`lots` in /api/lots/{id}) or a field (`cartridgeLotId`) names. */
const KIND_OF_NAME: [RegExp, Kind][] = [
  // Before `lot`: "freedSlotId" contains it.
  [/^freedSlot/i, 'freedSlot'],
  [/^waitlist/i, 'waitlist'],
  [/^offer/i, 'offer'],
  [/^(staff|practitioner|actor|witness|staffMember)/i, 'staff'],
  [/^location/i, 'location'],
  [/^patient/i, 'patient'],
  [/^product/i, 'product'],
  [/lot/i, 'lot'],
  [/^device/i, 'device'],
  [/^(consent-templates|template)/i, 'template'],
  [/^consent/i, 'consent'],
  [/^(treatment-sessions|session)/i, 'session'],
  [/^service/i, 'service'],
  [/^room/i, 'room'],
  [/^appointment/i, 'appointment'],
  [/^(treatment-plans|plan)/i, 'plan'],
  [/^exception/i, 'timeOff'],
  [/^(calendar-feeds|file)/i, 'feed'],
];

/** A seeded organization to fuzz as its owner, and a second one whose ids must stay out of reach. */
export interface FuzzWorld extends IdPool {
  app: TestApp;
  owner: { email: string; client: ApiClient };
  /** Signs the owner in again (after a fuzzed logout), clearing failed-login counts the fuzzing left. */
  signInAgain(): Promise<void>;
}

async function seedOrganization(app: TestApp): Promise<{ owner: Awaited<ReturnType<typeof signedInOrganization>>; records: Records }> {
  const owner = await signedInOrganization(app, 'owner');
  const { client, organization, location } = owner;
  const organizationId = organization.id;
  const nurse = await newStaffMember(app.dataSource, organizationId, { defaultLocationId: location.id });
  await credential(app.dataSource, organizationId, owner.staffMember.id, 'physician');
  const patient = await newPatient(app.dataSource, organizationId, { email: `p${Date.now()}@example.test` });
  await client.put(`/api/patients/${patient.id}/medical-history`, emptyMedicalHistory());
  const product = await createProduct(client);
  const { lot } = await receiveLot(client, { productId: product.id, locationId: location.id, quantity: 50 });
  const sessionLot = (await receiveLot(client, { productId: product.id, locationId: location.id, quantity: 50 })).lot;
  const device = (await client.post('/api/devices', { model: 'SkinPen', serialNumber: `SP-${Date.now()}`, locationId: location.id })).body as { id: string };
  const consent = await prepareConsent(client, patient.id, 'medical_needling');
  const template = ((await client.get(`/api/consents/${consent.id}`)).body as { templateId: string }).templateId;
  const signed = await signedConsent(client, patient.id, 'cosmetic_needling');
  const session = await client.post('/api/treatment-sessions', {
    walkInReason: 'Fuzz walk-in',
    patientId: patient.id,
    locationId: location.id,
    deviceId: device.id,
    cartridgeLotId: sessionLot.id,
    zones: [{ zone: 'forehead', depthMm: 0.25, passes: 1 }],
  });
  const service = await newService(client, { procedureKind: 'consultation', consentKinds: [] });
  const room = await newRoom(client, location.id);
  const practitioner = await newPractitioner(app.dataSource, client, organizationId, location.id, { start: '00:00', end: '24:00' });
  const appointment = await client.post('/api/appointments', {
    patientId: patient.id,
    serviceId: service.id,
    practitionerId: practitioner.id,
    roomId: room.id,
    locationId: location.id,
    startsAt: futureInstant(30, 15),
  });
  // The waitlist: a cancelled appointment's freed time, an entry for that day, an offer of it.
  const freedAt = futureInstant(31, 15);
  const cancelled = await client.post('/api/appointments', { patientId: patient.id, serviceId: service.id, practitionerId: practitioner.id, roomId: room.id, locationId: location.id, startsAt: freedAt });
  await client.post(`/api/appointments/${bodyIdOf(cancelled)}/cancel`, { reason: 'Fuzz cancellation' });
  const waitlist = await client.post('/api/waitlist', { patientId: patient.id, serviceId: service.id, locationId: location.id, earliestOn: freedAt.slice(0, 10), latestOn: freedAt.slice(0, 10) });
  const freed = await client.get(`/api/waitlist/freed-slots?appointmentId=${bodyIdOf(cancelled)}`);
  const freedSlot = (freed.body as { items?: { id: string }[] }).items?.[0]?.id;
  const offered = await client.post(`/api/waitlist/${bodyIdOf(waitlist)}/offers`, { freedSlotId: freedSlot, startsAt: freedAt });
  const plan = await client.post('/api/treatment-plans', { patientId: patient.id, serviceId: service.id, locationId: location.id, sessions: 1, intervalWeeks: 4, startOn: '2027-03-01' });
  const timeOff = await client.post(`/api/staff/${practitioner.id}/time-off`, { startsAt: futureInstant(60, 0), endsAt: futureInstant(61, 0) });
  const feed = await client.post(`/api/staff/${practitioner.id}/calendar-feed`);
  const ids = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
  const bodyId = (response: { body: unknown }, key = 'id') => (response.body as Record<string, unknown> | undefined)?.[key];
  return {
    owner,
    records: {
      staff: ids(owner.staffMember.id, nurse.id, practitioner.id),
      location: ids(location.id),
      patient: ids(patient.id),
      product: ids(product.id),
      lot: ids(lot.id, sessionLot.id),
      device: ids(device.id),
      template: ids(template),
      consent: ids(consent.id, signed.id),
      session: ids((session.body as { session?: { id: string } }).session?.id),
      service: ids(service.id),
      room: ids(room.id),
      appointment: ids(bodyId(appointment), bodyId(cancelled)),
      plan: ids(bodyId(plan)),
      timeOff: ids(bodyId(timeOff)),
      feed: ids(feedFile(bodyId(feed, 'url'))),
      waitlist: ids(bodyId(waitlist)),
      freedSlot: ids(freedSlot),
      offer: ids((offered.body as { latestOffer?: { id: string } } | undefined)?.latestOffer?.id),
    },
  };
}

function bodyIdOf(response: { body: unknown }): string {
  return String((response.body as Record<string, unknown> | undefined)?.id);
}

function feedFile(url: unknown): string | undefined {
  return typeof url === 'string' ? url.split('/').pop() : undefined;
}

function kindOf(name: string): Kind | undefined {
  return KIND_OF_NAME.find(([pattern]) => pattern.test(name))?.[1];
}

export async function createFuzzWorld(app: TestApp): Promise<FuzzWorld> {
  const own = await seedOrganization(app);
  const other = await seedOrganization(app);
  const all = (records: Records) => Object.values(records).flat();
  const world: FuzzWorld = {
    app,
    owner: { email: own.owner.staffMember.email, client: own.owner.client },
    forName: (name) => {
      const kind = kindOf(name);
      const matching = kind ? (own.records[kind] ?? []) : [];
      return matching.length ? matching : all(own.records);
    },
    foreign: () => all(other.records),
    signInAgain: async () => {
      await app.dataSource.query(`DELETE FROM login_failures`);
      world.owner.client = await signIn(app, world.owner.email);
    },
  };
  return world;
}
