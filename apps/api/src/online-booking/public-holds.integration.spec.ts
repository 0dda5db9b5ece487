import { newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Slot {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
}

describe('online booking: holds and confirmation (issue 16)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** A clinic open online with a nurse working every day 09–17, two rooms, a consultation open to anyone. */
  async function clinic(onlineBooking: 'anyone' | 'existing_patients' = 'anyone') {
    const org = await signedInOrganization(app, 'owner');
    const nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    await newRoom(org.client, org.location.id, 'Room A');
    await newRoom(org.client, org.location.id, 'Room B');
    const consultation = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone', durationMin: 30, bufferMin: 0 });
    const needling = await newService(org.client, { onlineBooking });
    await org.client.put('/api/settings/online-booking', OPEN);
    const [{ public_booking_slug: slug }] = await app.dataSource.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    const anonymous = app.client();
    /** The nurse's free starts for a service, on the third day from now, `gapHours` apart (none overlaps another). */
    const slots = async (serviceId = consultation.id, gapHours = 1): Promise<Slot[]> => {
      const from = Date.now() + 3 * DAY;
      const response = await anonymous.get(
        `/api/public/booking/availability?organization=${slug}&serviceId=${serviceId}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}&practitionerId=${nurse.id}`,
      );
      expect(response.status).toBe(200);
      const spaced: Slot[] = [];
      for (const s of response.body.slots as Slot[]) if (!spaced.length || Date.parse(s.startsAt) >= Date.parse(spaced[spaced.length - 1].startsAt) + gapHours * 3_600_000) spaced.push(s);
      return spaced;
    };
    const hold = (slot: Slot, patient: Record<string, string>, serviceId = consultation.id, extra: Record<string, unknown> = {}) =>
      anonymous.post(`/api/public/booking/holds?organization=${slug}`, {
        serviceId,
        locationId: org.location.id,
        practitionerId: slot.practitionerId,
        startsAt: slot.startsAt,
        patient,
        acceptPolicy: true,
        ...extra,
      });
    const confirm = (holdId: string, code: string) => anonymous.post(`/api/public/booking/holds/${holdId}/confirm?organization=${slug}`, { code });
    /** The code, as the outbox holds the e-mail that carries it. */
    const codeOf = async (holdId: string): Promise<string> => {
      const rows = await app.dataSource.query(
        `SELECT m.body, m.recipient, m.status FROM outbound_messages m JOIN online_booking_holds h ON h.appointment_id = m.appointment_id WHERE h.id = $1 AND m.kind = 'booking_code'`,
        [holdId],
      );
      expect(rows).toHaveLength(1);
      return /code is (\d{6})/.exec(rows[0].body)?.[1] as string;
    };
    const staffFree = async (slot: Slot, serviceId = consultation.id) => {
      const from = Date.parse(slot.startsAt);
      const response = await org.client.get(`/api/availability?serviceId=${serviceId}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}&practitionerId=${nurse.id}`);
      expect(response.status).toBe(200);
      return (response.body.slots as Slot[]).some((s) => s.startsAt === slot.startsAt);
    };
    /** The staff calendar's live holds on the slot's day. */
    const calendarHolds = async (slot: Slot) => {
      const from = Date.parse(slot.startsAt) - 3_600_000;
      const response = await org.client.get(`/api/schedule?locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}`);
      expect(response.status).toBe(200);
      return response.body.holds as { startsAt: string; practitionerId: string; expiresAt: string }[];
    };
    const expire = async (holdId: string) => {
      await app.dataSource.query(`UPDATE online_booking_holds SET expires_at = now() - interval '1 second' WHERE id = $1`, [holdId]);
      await app.dataSource.query(`UPDATE appointments SET hold_expires_at = now() - interval '1 second' WHERE id = (SELECT appointment_id FROM online_booking_holds WHERE id = $1)`, [holdId]);
    };
    return { ...org, nurse, consultation, needling, slug: slug as string, anonymous, slots, hold, confirm, codeOf, staffFree, calendarHolds, expire };
  }

  const person = (over: Record<string, string> = {}) => ({
    firstName: 'Amara',
    lastName: `Okafor${Math.random().toString(36).slice(2, 7)}`,
    dateOfBirth: '1990-04-02',
    email: `amara.${Math.random().toString(36).slice(2, 8)}@example.com`,
    phone: '(212) 555-0142',
    ...over,
  });

  it('holds, e-mails a code through the outbox, and books a new, self-registered patient on the right code', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const who = person();
    const held = await c.hold(slot, who);
    expect(held.status).toBe(201);
    expect(Object.keys(held.body).sort()).toEqual(['expiresAt', 'holdId']);
    expect(Date.parse(held.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const [stored] = await app.dataSource.query(`SELECT code_hash, email, phone FROM online_booking_holds WHERE id = $1`, [held.body.holdId]);
    const code = await c.codeOf(held.body.holdId);
    expect(code).toMatch(/^\d{6}$/);
    expect(stored.code_hash.toString('hex')).not.toContain(code);
    expect(stored).toMatchObject({ email: who.email, phone: '+12125550142' });

    const done = await c.confirm(held.body.holdId, code);
    expect(done.status).toBe(201);
    expect(done.body.appointment).toEqual({
      id: expect.any(String),
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      serviceName: expect.stringContaining('Medical needling'),
      locationName: c.location.name,
      practitionerName: c.nurse.name,
    });
    expect(done.body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [token] = await app.dataSource.query(`SELECT token_hash, expires_at FROM online_booking_manage_tokens WHERE appointment_id = $1`, [done.body.appointment.id]);
    expect(token.token_hash.toString('base64url')).not.toBe(done.body.manageToken);
    expect(token.expires_at.toISOString()).toBe(slot.endsAt);

    const staffView = await c.client.get(`/api/appointments/${done.body.appointment.id}`);
    expect(staffView.status).toBe(200);
    expect(staffView.body).toMatchObject({ status: 'booked', startsAt: slot.startsAt, practitionerId: c.nurse.id });
    const [row] = await app.dataSource.query(`SELECT a.source, a.hold_expires_at, p.self_registered, p.first_name, p.email FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = $1`, [
      done.body.appointment.id,
    ]);
    expect(row).toEqual({ source: 'online', hold_expires_at: null, self_registered: true, first_name: 'Amara', email: who.email });
    // Audited with no staff member: the public channel.
    const events = await app.dataSource.query(`SELECT action, actor_id FROM audit_events WHERE organization_id = $1 AND action IN ('online_booking.hold_placed', 'online_booking.hold_confirmed', 'appointment.booked', 'patient.created') ORDER BY action`, [
      c.organization.id,
    ]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['appointment.booked', 'online_booking.hold_confirmed', 'online_booking.hold_placed', 'patient.created']);
    expect(events.every((e: { actor_id: string | null }) => e.actor_id === null)).toBe(true);
    // The booking notice goes through the outbox like a staff booking's.
    const kinds = await app.dataSource.query(`SELECT kind FROM outbound_messages WHERE appointment_id = $1 ORDER BY kind`, [done.body.appointment.id]);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(['booked', 'booking_code', 'reminder']));
    // Once confirmed, the hold is over.
    expect((await c.confirm(held.body.holdId, code)).status).toBe(410);
  });

  it('matches an existing patient by last name, date of birth and e-mail, and answers the hold the same way; no one else’s data in any answer', async () => {
    const c = await clinic();
    const existing = await newPatient(app.dataSource, c.organization.id, { firstName: 'Grace', lastName: 'Adeyemi', dateOfBirth: '1979-11-30', email: 'grace@example.com', notes: 'Keloid history', phone: '+12125550199' });
    const [first, second] = await c.slots();
    const known = await c.hold(first, person({ firstName: 'Grace', lastName: 'ADEYEMI', dateOfBirth: '1979-11-30', email: 'Grace@Example.com', phone: '212 555 0100' }));
    const stranger = await c.hold(second, person());
    expect(known.status).toBe(201);
    expect(stranger.status).toBe(201);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(stranger.body).sort());
    const done = await c.confirm(known.body.holdId, await c.codeOf(known.body.holdId));
    expect(done.status).toBe(201);
    const [row] = await app.dataSource.query(`SELECT patient_id FROM appointments WHERE id = $1`, [done.body.appointment.id]);
    expect(row.patient_id).toBe(existing.id);
    const [flag] = await app.dataSource.query(`SELECT self_registered FROM patients WHERE id = $1`, [existing.id]);
    expect(flag.self_registered).toBe(false);
    for (const text of [known.text, stranger.text, done.text]) {
      for (const secret of [existing.id, existing.mrn, 'Keloid', '+12125550199', '1979-11-30', 'Grace']) expect(text).not.toContain(secret);
    }
  });

  it('gives exactly one of two concurrent holds of one slot; the other is a 409 naming the slot', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const [a, b] = await Promise.all([c.hold(slot, person()), c.hold(slot, person())]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.headers.get('content-type')).toContain('application/problem+json');
    expect(lost.body).toMatchObject({ type: expect.stringContaining('slot-taken'), startsAt: slot.startsAt, practitionerId: c.nurse.id });
    expect(lost.body.detail).toMatch(/no longer free/);
  });

  it('a live hold blocks staff booking and staff availability; an expired one does not, and can no longer be confirmed', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const patient = await newPatient(app.dataSource, c.organization.id);
    expect(await c.staffFree(slot)).toBe(true);
    const held = await c.hold(slot, person());
    expect(held.status).toBe(201);
    expect(await c.staffFree(slot)).toBe(false);
    // The calendar shows the held time as busy (no patient yet), with when it lapses.
    expect(await c.calendarHolds(slot)).toEqual([expect.objectContaining({ startsAt: slot.startsAt, practitionerId: c.nurse.id, expiresAt: held.body.expiresAt })]);
    const [room] = await app.dataSource.query(`SELECT room_id FROM appointments a JOIN online_booking_holds h ON h.appointment_id = a.id WHERE h.id = $1`, [held.body.holdId]);
    const staffBooking = { patientId: patient.id, serviceId: c.consultation.id, practitionerId: c.nurse.id, roomId: room.room_id, locationId: c.location.id, startsAt: slot.startsAt };
    const refused = await c.client.post('/api/appointments', staffBooking);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('double-booking');
    expect(refused.body.detail).toMatch(/held .* for an online booking until/);
    // Another patient online cannot take it either.
    expect((await c.hold(slot, person())).status).toBe(409);

    await c.expire(held.body.holdId);
    expect(await c.staffFree(slot)).toBe(true);
    expect(await c.calendarHolds(slot)).toEqual([]);
    const booked = await c.client.post('/api/appointments', staffBooking);
    expect(booked.status).toBe(201);
    const [released] = await app.dataSource.query(`SELECT a.status, a.cancel_reason FROM appointments a JOIN online_booking_holds h ON h.appointment_id = a.id WHERE h.id = $1`, [held.body.holdId]);
    expect(released).toEqual({ status: 'cancelled', cancel_reason: 'Online hold expired' });
    const late = await c.confirm(held.body.holdId, await c.codeOf(held.body.holdId));
    expect(late.status).toBe(410);
    expect(late.body.type).toContain('hold-expired');
  });

  it('answers 410 for an expired hold even before anyone books over it, and 404 for an unknown one', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const held = await c.hold(slot, person());
    await c.expire(held.body.holdId);
    const late = await c.confirm(held.body.holdId, await c.codeOf(held.body.holdId));
    expect(late.status).toBe(410);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await c.confirm('5f0c6a52-2f4e-4a53-9d7e-4b4b7a0c1d2e', '123456');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    // The expired hold's time is free online again.
    expect((await c.hold(slot, person())).status).toBe(201);
  });

  it('ends the hold after five wrong codes and frees its time', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const held = await c.hold(slot, person());
    const code = await c.codeOf(held.body.holdId);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 1; i <= 4; i++) {
      const answer = await c.confirm(held.body.holdId, wrong);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'code', message: expect.stringContaining(`${5 - i} tr`) }]);
    }
    const fifth = await c.confirm(held.body.holdId, wrong);
    expect(fifth.status).toBe(410);
    expect(fifth.body.type).toContain('hold-ended');
    expect((await c.confirm(held.body.holdId, code)).status).toBe(410);
    expect(await c.staffFree(slot)).toBe(true);
    const events = await app.dataSource.query(`SELECT action FROM audit_events WHERE changes -> 'holdId' ->> 'to' = $1`, [held.body.holdId]);
    expect(events.filter((e: { action: string }) => e.action === 'online_booking.code_failed')).toHaveLength(5);
    expect(events.some((e: { action: string }) => e.action === 'online_booking.hold_ended')).toBe(true);
  });

  it('limits holds to five per e-mail an hour (429 problem+json), and refuses acceptPolicy other than true naming it', async () => {
    const c = await clinic();
    const slots = await c.slots();
    expect(slots.length).toBeGreaterThanOrEqual(6);
    const who = person();
    for (let i = 0; i < 5; i++) expect((await c.hold(slots[i], who)).status).toBe(201);
    const sixth = await c.hold(slots[5], { ...who, email: who.email.toUpperCase() });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toContain('application/problem+json');
    expect(sixth.body).toMatchObject({ type: expect.stringContaining('too-many-requests'), retryAfterSeconds: expect.any(Number) });
    expect((await c.hold(slots[5], person())).status).toBe(201);

    const other = await clinic();
    const [slot] = await other.slots();
    for (const acceptPolicy of [false, undefined, 'yes']) {
      const refused = await other.hold(slot, person(), other.consultation.id, { acceptPolicy });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['acceptPolicy']);
    }
  });

  it('books a service open to existing patients for a patient with a recent completed consultation, and refuses a new person in plain words', async () => {
    const c = await clinic('existing_patients');
    const [slot, later] = await c.slots(c.needling.id, 2);
    const regular = await newPatient(app.dataSource, c.organization.id, { lastName: 'Mensah', dateOfBirth: '1988-01-20', email: 'efua@example.com' });
    const [room] = await app.dataSource.query(`SELECT id FROM rooms WHERE organization_id = $1 ORDER BY name LIMIT 1`, [c.organization.id]);
    await app.dataSource.query(
      `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until, status)
       VALUES ($1, $2, $3, $4, $5, $6, now() - interval '60 days', now() - interval '60 days' + interval '30 minutes', now() - interval '60 days' + interval '30 minutes', 'completed')`,
      [c.organization.id, c.location.id, regular.id, c.consultation.id, c.nurse.id, room.id],
    );
    const known = await c.hold(slot, person({ lastName: 'Mensah', dateOfBirth: '1988-01-20', email: 'efua@example.com' }), c.needling.id);
    expect(known.status).toBe(201);
    const booked = await c.confirm(known.body.holdId, await c.codeOf(known.body.holdId));
    expect(booked.status).toBe(201);

    const newcomer = await c.hold(later, person(), c.needling.id);
    expect(newcomer.status).toBe(201);
    const refused = await c.confirm(newcomer.body.holdId, await c.codeOf(newcomer.body.holdId));
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toEqual([{ code: 'existing-patients-only', message: expect.stringContaining('consultation') }]);
    expect(refused.body.detail).toMatch(/last 12 months/);
    expect(refused.text).not.toContain('Mensah');
    // Refused: nobody was registered, and the time is free again.
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM patients WHERE organization_id = $1 AND self_registered`, [c.organization.id]);
    expect(count).toBe(0);
    expect(await c.staffFree(later, c.needling.id)).toBe(true);
  });

  it('refuses a booking the staff booking rules refuse for the matched patient (medical interval), in plain words, and frees the time', async () => {
    const c = await clinic();
    const [slot] = await c.slots(c.needling.id, 2);
    const regular = await newPatient(app.dataSource, c.organization.id, { lastName: 'Boateng', dateOfBirth: '1975-07-07', email: 'kofi@example.com' });
    const [room] = await app.dataSource.query(`SELECT id FROM rooms WHERE organization_id = $1 ORDER BY name LIMIT 1`, [c.organization.id]);
    // A medical-needling session booked two days before the slot: inside the service's interval.
    await app.dataSource.query(
      `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz - interval '2 days', $7::timestamptz - interval '2 days' + interval '1 hour', $7::timestamptz - interval '2 days' + interval '75 minutes')`,
      [c.organization.id, c.location.id, regular.id, c.needling.id, c.nurse.id, room.id, slot.startsAt],
    );
    const held = await c.hold(slot, person({ lastName: 'Boateng', dateOfBirth: '1975-07-07', email: 'kofi@example.com' }), c.needling.id);
    expect(held.status).toBe(201);
    const code = await c.codeOf(held.body.holdId);
    const refused = await c.confirm(held.body.holdId, code);
    expect(refused.status).toBe(422);
    expect(refused.body.violations.map((v: { code: string }) => v.code)).toContain('medical-interval');
    expect(await c.staffFree(slot, c.needling.id)).toBe(true);
    const again = await c.confirm(held.body.holdId, code);
    expect(again.status).toBe(410);
    expect(again.body.type).toContain('hold-ended');
  });
});
