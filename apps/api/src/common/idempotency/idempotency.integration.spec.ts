import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newPatient, signedInOrganization } from '../../../test/factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { chair, giveConsents, walkIn } from '../../../test/treatment-factories';
import { idempotentRequests } from './idempotency-context';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let counter = 0;
const newKey = () => `key-${Date.now()}-${(counter += 1)}`;
const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

/** A client that retries a POST after a timeout must not create a second patient, booking, movement or photo. */
describe('Idempotency-Key', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-idem-'));

  beforeAll(async () => {
    app = await createTestApp({ DATA_DIR: dataDir });
    org = await signedInOrganization(app, 'owner');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const patientBody = (lastName: string) => ({ firstName: 'Ada', lastName, dateOfBirth: '1980-02-03' });
  const patientsNamed = async (organizationId: string, lastName: string) =>
    (await app.dataSource.query(`SELECT id FROM patients WHERE organization_id = $1 AND last_name = $2`, [organizationId, lastName])).length as number;

  it('ten concurrent identical POSTs with one key create exactly one patient; the others get 409 or the replay', async () => {
    const key = newKey();
    // confirmDuplicate: without the key, the duplicate check would let all ten through.
    const body = { ...patientBody('Concurrent'), confirmDuplicate: true };
    const responses = await Promise.all(Array.from({ length: 10 }, () => org.client.post('/api/patients', body, withKey(key))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const conflict of responses.filter((r) => r.status === 409)) {
      expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(conflict.body.type).toBe('urn:skinledger:problem:idempotency-key-in-use');
    }
    expect(new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await patientsNamed(org.organization.id, 'Concurrent')).toBe(1);
    process.stdout.write(`concurrent patients: ${statuses.join(' ')}\n`);
  });

  it('ten concurrent identical bookings with one key create exactly one appointment', async () => {
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const room = await newRoom(org.client, org.location.id);
    const service = await newService(org.client);
    const patient = await newPatient(app.dataSource, org.organization.id);
    const body = { patientId: patient.id, serviceId: service.id, practitionerId: practitioner.id, roomId: room.id, locationId: org.location.id, startsAt: futureInstant(10, 15) };
    const key = newKey();
    const responses = await Promise.all(Array.from({ length: 10 }, () => org.client.post('/api/appointments', body, withKey(key))));
    expect(responses.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    // Refused as a retry in flight, not as a double booking of the same slot.
    for (const conflict of responses.filter((r) => r.status === 409)) expect(conflict.body.type).toBe('urn:skinledger:problem:idempotency-key-in-use');
    const replay = await org.client.post('/api/appointments', body, withKey(key));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(responses.filter((r) => r.status === 201).every((r) => r.body.id === replay.body.id)).toBe(true);
    const [{ appointments }] = await app.dataSource.query(`SELECT count(*)::int AS appointments FROM appointments WHERE patient_id = $1`, [patient.id]);
    expect(appointments).toBe(1);
  });

  it('replays the stored status and body for a later duplicate, and refuses the key with another body (422)', async () => {
    const key = newKey();
    const first = await org.client.post('/api/patients', patientBody('Replayed'), withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await org.client.post('/api/patients', patientBody('Replayed'), withKey(`"${key}"`)); // structured-field form
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.text).toBe(first.text);
    expect(await patientsNamed(org.organization.id, 'Replayed')).toBe(1);

    const other = await org.client.post('/api/patients', patientBody('Different'), withKey(key));
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body.type).toBe('urn:skinledger:problem:idempotency-key-reused');
    const otherPath = await org.client.post('/api/products', { name: 'x' }, withKey(key));
    expect(otherPath.status).toBe(422);
    expect(await patientsNamed(org.organization.id, 'Different')).toBe(0);
  });

  it('keeps no key for a failed request, so the corrected request with the same key is processed', async () => {
    const key = newKey();
    const invalid = await org.client.post('/api/patients', { ...patientBody('Corrected'), dateOfBirth: 'yesterday' }, withKey(key));
    expect(invalid.status).toBe(400);
    const [{ keys }] = await app.dataSource.query(`SELECT count(*)::int AS keys FROM idempotency_keys WHERE idempotency_key = $1`, [key]);
    expect(keys).toBe(0);
    const corrected = await org.client.post('/api/patients', patientBody('Corrected'), withKey(key));
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 hours (expired rows are swept)', async () => {
    const key = newKey();
    expect((await org.client.post('/api/patients', patientBody('Expiring'), withKey(key))).status).toBe(201);
    const [row] = await app.dataSource.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM idempotency_keys WHERE idempotency_key = $1`, [key]);
    expect(row.ttl).toBe(24 * 3600);
    await app.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE organization_id = $1`, [org.organization.id]);
    const stale = newKey();
    await app.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, staff_member_id, idempotency_key, fingerprint, claim_token, state, response_status, response_body, expires_at)
       VALUES ($1, $2, $3, 'x', gen_random_uuid(), 'completed', 201, '{}', now() - interval '1 hour')`,
      [org.organization.id, org.staffMember.id, stale],
    );
    // Another body under the expired key: a new request, not a 422 (a patient of another name, not a duplicate).
    const reused = await org.client.post('/api/patients', patientBody('Expired'), withKey(key));
    expect(reused.status).toBe(201);
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
    expect(await patientsNamed(org.organization.id, 'Expired')).toBe(1);
    const [{ expired }] = await app.dataSource.query(`SELECT count(*)::int AS expired FROM idempotency_keys WHERE organization_id = $1 AND expires_at <= now()`, [org.organization.id]);
    expect(expired).toBe(0);
  });

  it('scopes keys to the organization: the same key in two clinics creates two records', async () => {
    const other = await signedInOrganization(app, 'owner');
    const key = newKey();
    const mine = await org.client.post('/api/patients', patientBody('Isolated'), withKey(key));
    const theirs = await other.client.post('/api/patients', patientBody('Isolated'), withKey(key));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await patientsNamed(org.organization.id, 'Isolated')).toBe(1);
    expect(await patientsNamed(other.organization.id, 'Isolated')).toBe(1);
  });

  it('takes over a claim abandoned by a crashed request, and fences the old holder out of committing', async () => {
    const insertClaim = (key: string, age: string) =>
      app.dataSource.query(
        `INSERT INTO idempotency_keys (organization_id, staff_member_id, idempotency_key, fingerprint, claim_token, state, created_at, expires_at)
         VALUES ($1, $2, $3, 'other', gen_random_uuid(), 'processing', now() - $4::interval, now() + interval '1 day') RETURNING claim_token AS token`,
        [org.organization.id, org.staffMember.id, key, age],
      ) as Promise<{ token: string }[]>;
    const fresh = newKey();
    await insertClaim(fresh, '1 second');
    expect((await org.client.post('/api/patients', patientBody('InFlight'), withKey(fresh))).status).toBe(422); // other fingerprint
    const abandoned = newKey();
    const [{ token }] = await insertClaim(abandoned, '2 minutes');
    const retry = await org.client.post('/api/patients', patientBody('TakenOver'), withKey(abandoned));
    expect(retry.status).toBe(201);
    // The first holder, had it only been slow, can no longer commit anything under its token.
    const scope = { organizationId: org.organization.id, staffMemberId: org.staffMember.id, key: abandoned };
    const late = idempotentRequests.run({ scope, token, phase: 'handling' }, () =>
      app.dataSource.transaction((manager) => manager.query(`UPDATE organizations SET name = 'Renamed by a late request' WHERE id = $1`, [org.organization.id])),
    );
    await expect(late).rejects.toMatchObject({ code: 'idempotency-key-taken-over' });
    const [{ name }] = await app.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [org.organization.id]);
    expect(name).not.toBe('Renamed by a late request');
  });

  it('refuses a malformed key with 400 problem+json naming the header', async () => {
    for (const bad of ['x'.repeat(256), '', 'caf\u00e9']) {
      const response = await org.client.post('/api/patients', patientBody('BadKey'), { headers: { 'idempotency-key': bad } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    }
    expect(await patientsNamed(org.organization.id, 'BadKey')).toBe(0);
  });

  it('replays a photo upload (multipart, rebuilt with a new boundary) instead of repeating them', async () => {
    const c = await chair(app, { lotQuantity: 5 });
    await giveConsents(app, c, ['cosmetic_needling', 'photography']);
    const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c));
    expect(started.status).toBe(201);
    const sessionId = started.body.session.id as string;
    const upload = (key: string) => {
      const form = new FormData();
      form.append('phase', 'before');
      form.append('angle', 'front');
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
      return c.practitioner.post(`/api/treatment-sessions/${sessionId}/photos`, form, withKey(key));
    };
    const key = newKey();
    const first = await upload(key);
    expect(first.status).toBe(201);
    const again = await upload(key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [{ photos }] = await app.dataSource.query(`SELECT count(*)::int AS photos FROM treatment_session_photos WHERE session_id = $1`, [sessionId]);
    expect(photos).toBe(1);
  });
});
