import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newPatient, TEST_PASSWORD } from '../../test/factories';
import { listStatements } from '../../test/list-statements';
import { signedSessionHash } from '../treatments/treatment-sessions.service';
import { newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, giveConsents, walkIn, type Chair } from '../../test/treatment-factories';

/** Issue 11: every read of clinical data leaves an audit event in its transaction, with the patient as the entity. */
describe('every clinical read is audited', () => {
  let app: TestApp;
  let c: Chair;
  let sessionId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-audit-reads-'));

  beforeAll(async () => {
    app = await createTestApp({ DATA_DIR: dataDir });
    c = await chair(app);
    await giveConsents(app, c, ['cosmetic_needling']);
    const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c));
    expect(started.status).toBe(201);
    sessionId = started.body.session.id;
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function eventsAfter(mark: string, action: string) {
    return app.dataSource.query(
      `SELECT actor_id, entity_type, entity_id, changes FROM audit_events WHERE organization_id = $1 AND id > $2 AND action = $3 ORDER BY id`,
      [c.organization.id, mark, action],
    );
  }

  async function mark(): Promise<string> {
    const [{ id }] = await app.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_events`);
    return id;
  }

  it.each([
    ['GET /api/treatment-sessions/:id', () => `/api/treatment-sessions/${sessionId}`, 'treatment_session.viewed'],
    ['GET /api/patients/:id/treatment-sessions', () => `/api/patients/${c.patient.id}/treatment-sessions`, 'treatment_sessions.listed'],
    ['GET /api/patients/:id/adverse-events', () => `/api/patients/${c.patient.id}/adverse-events`, 'adverse_events.listed'],
    ['GET /api/patients/:id/photos', () => `/api/patients/${c.patient.id}/photos`, 'photos.listed'],
    ['GET /api/treatment-sessions/:id/photos', () => `/api/treatment-sessions/${sessionId}/photos`, 'photos.listed'],
    ['GET /api/patients/:id/assessments', () => `/api/patients/${c.patient.id}/assessments`, 'assessments.listed'],
    ['GET /api/patients/:id/consents', () => `/api/patients/${c.patient.id}/consents`, 'consents.listed'],
    ['GET /api/patients/:id/next-appointment-consents', () => `/api/patients/${c.patient.id}/next-appointment-consents`, 'consents.next_appointment_checked'],
    ['GET /api/photos/compare', () => `/api/photos/compare?sessionA=${sessionId}&sessionB=${sessionId}&angle=front`, 'photos.compared'],
    ['GET /api/patients/:id/access-log', () => `/api/patients/${c.patient.id}/access-log`, 'patient.access_log_viewed'],
  ])('%s', async (_route, url, action) => {
    const before = await mark();
    const response = await c.practitioner.get(url());
    expect(response.status).toBe(200);
    const events = await eventsAfter(before, action);
    expect(events).toEqual([expect.objectContaining({ actor_id: c.nurse.id, entity_type: 'patient', entity_id: c.patient.id })]);
  });

  it('GET /api/appointments/:id/preflight (the checklist names contraindications)', async () => {
    const hours = await c.owner.put(`/api/staff/${c.nurse.id}/working-hours`, {
      locationId: c.location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '00:00', endsAt: '24:00' })),
    });
    expect(hours.status).toBe(200);
    const service = await newService(c.owner, { consentKinds: ['cosmetic_needling'] });
    const room = await newRoom(c.owner, c.location.id);
    const startsAt = new Date(Math.ceil(Date.now() / 900_000 + 8) * 900_000).toISOString();
    const booked = await c.owner.post('/api/appointments', {
      patientId: c.patient.id,
      serviceId: service.id,
      practitionerId: c.nurse.id,
      roomId: room.id,
      locationId: c.location.id,
      startsAt,
    });
    expect(booked.status).toBe(201);
    const before = await mark();
    expect((await c.practitioner.get(`/api/appointments/${booked.body.id}/preflight`)).status).toBe(200);
    expect(await eventsAfter(before, 'treatment.preflight_viewed')).toEqual([
      expect.objectContaining({ actor_id: c.nurse.id, entity_type: 'patient', entity_id: c.patient.id }),
    ]);
    const unknown = await mark();
    expect((await c.practitioner.get(`/api/appointments/00000000-0000-4000-8000-000000000000/preflight`)).status).toBe(404);
    expect(await eventsAfter(unknown, 'treatment.preflight_viewed')).toEqual([]);
  });

  it('a refused read (another clinic, unknown patient) writes nothing', async () => {
    const before = await mark();
    const other = await newPatient(app.dataSource, (await chair(app)).organization.id);
    expect((await c.practitioner.get(`/api/patients/${other.id}/treatment-sessions`)).status).toBe(404);
    expect(await eventsAfter(before, 'treatment_sessions.listed')).toEqual([]);
  });

  it('records the shape of a patient search, never the term', async () => {
    const patient = await newPatient(app.dataSource, c.organization.id, { lastName: 'Quaintance', email: 'quaint@example.test' });
    const before = await mark();
    const response = await c.owner.get(`/api/patients?q=${encodeURIComponent('Quaintance')}`);
    expect(response.status).toBe(200);
    const [event] = await eventsAfter(before, 'patients.searched');
    expect(event).toMatchObject({ actor_id: expect.any(String), entity_type: 'patient_search', entity_id: null });
    expect(event.changes).toMatchObject({
      termKinds: { to: ['email', 'name'] },
      termLength: { to: 10 },
      resultCount: { to: response.body.items.length },
      patientIds: { to: response.body.items.map((p: { id: string }) => p.id) },
    });
    expect(event.changes.patientIds.to).toContain(patient.id);
    expect(JSON.stringify(event.changes).toLowerCase()).not.toContain('quaintance');

    const phone = await mark();
    await c.owner.get(`/api/patients?q=${encodeURIComponent('555 0100')}`);
    const [byPhone] = await eventsAfter(phone, 'patients.searched');
    expect(byPhone.changes.termKinds.to).toEqual(['phone']);
    expect(JSON.stringify(byPhone.changes)).not.toContain('0100');
  });

  it("lists who viewed or changed the patient's record in the access log", async () => {
    await c.owner.get(`/api/patients/${c.patient.id}`);
    await c.practitioner.get(`/api/treatment-sessions/${sessionId}`);
    const response = await c.owner.get(`/api/patients/${c.patient.id}/access-log?pageSize=200`);
    expect(response.status).toBe(200);
    const items: { action: string; description: string; actorName: string; actorRole: string; entityType: string }[] = response.body.items;
    expect(response.body).toMatchObject({ pageSize: 200, hasMore: false, nextCursor: null });
    const patientName = `${c.patient.firstName} ${c.patient.lastName}`;
    expect(items[0]).toMatchObject({
      action: 'treatment_session.viewed',
      description: expect.stringMatching(new RegExp(`^${c.nurse.name} viewed ${patientName}'s treatment session of \\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}\\s[AP]M$`)),
      actorName: c.nurse.name,
      actorRole: 'nurse',
      entityType: 'patient',
    });
    // Each entry is a sentence with names and local times: no id, no action code, no ISO time.
    for (const item of items) {
      expect(item.description).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|[a-z]+\.[a-z_]+/);
    }
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['patient.viewed', 'treatment_session.started', 'consent.signed', 'patients.searched', 'patient.medical_history_recorded']));
    // Walking the log two entries at a time by cursor gives the same entries, with the previous read of the log first.
    const walked: string[] = [];
    let after = '';
    for (;;) {
      const paged = await c.owner.get(`/api/patients/${c.patient.id}/access-log?pageSize=2${after}`);
      expect(paged.status).toBe(200);
      walked.push(...paged.body.items.map((i: { id: string }) => i.id));
      if (!paged.body.hasMore) break;
      after = `&after=${paged.body.nextCursor}`;
    }
    // Each page read is itself logged after its page was read, so the walk sees the full log plus the earlier reads.
    expect(walked).toEqual(expect.arrayContaining(response.body.items.map((i: { id: string }) => i.id)));
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('reads the access log and the session list in one statement each, whatever the page size (issue 15)', async () => {
    for (const route of [`/api/patients/${c.patient.id}/access-log`, `/api/patients/${c.patient.id}/treatment-sessions`]) {
      const one = await listStatements(c.owner, `${route}?pageSize=1`);
      const many = await listStatements(c.owner, `${route}?pageSize=200`);
      expect([one.status, many.status]).toEqual([200, 200]);
      // START, the sign-in check, the page (with the patient's existence), the audit event, COMMIT.
      expect(one.reads).toHaveLength(1);
      expect(one.budgeted).toBeLessThanOrEqual(5);
      expect(many.sent).toBe(one.sent);
      const next = (one.body as { nextCursor: string | null }).nextCursor;
      if (next) expect((await listStatements(c.owner, `${route}?pageSize=1&after=${next}`)).sent).toBe(one.sent);
    }
  });

  it("lists events on the patient's appointments and courses in the access log, not another patient's", async () => {
    const hours = await c.owner.put(`/api/staff/${c.nurse.id}/working-hours`, {
      locationId: c.location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '00:00', endsAt: '24:00' })),
    });
    expect(hours.status).toBe(200);
    const service = await newService(c.owner, { procedureKind: 'consultation', consentKinds: [] });
    const room = await newRoom(c.owner, c.location.id);
    const other = await newPatient(app.dataSource, c.organization.id);
    const book = (patientId: string, hoursAhead: number) =>
      c.owner.post('/api/appointments', {
        patientId,
        serviceId: service.id,
        practitionerId: c.nurse.id,
        roomId: room.id,
        locationId: c.location.id,
        startsAt: new Date(Math.ceil(Date.now() / 900_000 + 4 * hoursAhead) * 900_000).toISOString(),
      });
    const mine = await book(c.patient.id, 30);
    const theirs = await book(other.id, 32);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const plan = await c.owner.post('/api/treatment-plans', {
      patientId: c.patient.id,
      serviceId: service.id,
      locationId: c.location.id,
      sessions: 2,
      intervalWeeks: 4,
      startOn: '2027-06-07',
      practitionerId: c.nurse.id,
    });
    expect(plan.status).toBe(201);

    const log = await c.owner.get(`/api/patients/${c.patient.id}/access-log?pageSize=200`);
    const items: { action: string; entityType: string; entityId: string }[] = log.body.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'appointment.booked', entityType: 'appointment', entityId: mine.body.id }),
        expect.objectContaining({ action: 'treatment_plan.proposed', entityType: 'treatment_plan', entityId: plan.body.id }),
        expect.objectContaining({ entityType: 'consent' }),
        expect.objectContaining({ entityType: 'treatment_session', entityId: sessionId }),
      ]),
    );
    expect(items.map((i) => i.entityId)).not.toContain(theirs.body.id);
  });

  it('the access log is for those who may read the clinical record', async () => {
    const frontDesk = await chair(app, { role: 'front_desk' });
    expect((await frontDesk.practitioner.get(`/api/patients/${frontDesk.patient.id}/access-log`)).status).toBe(403);
  });

  it("writes a signed session's hash into the chain when it is signed", async () => {
    const signed = await c.practitioner.post(`/api/treatment-sessions/${sessionId}/sign`, { password: TEST_PASSWORD });
    expect(signed.status).toBe(200);
    const [event] = await app.dataSource.query(
      `SELECT chain_seq, changes FROM audit_events WHERE entity_id = $1 AND action = 'treatment_session.signed'`,
      [sessionId],
    );
    expect(event.chain_seq).not.toBeNull();
    expect(event.changes.sessionHash.to).toBe(signedSessionHash(signed.body));
  });
});
