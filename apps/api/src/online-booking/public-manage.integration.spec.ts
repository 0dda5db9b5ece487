import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { newPatient, signedInOrganization } from '../../test/factories';
import { contentLineProblems, readWithIcalJs } from '../../test/icalendar-checks';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MessageSender } from '../messaging/message-sender';
import { SmtpTransport, type MessageTransport, type OutgoingMessage } from '../messaging/transports';
import { MANAGE_ACTIONS_PER_HOUR } from './manage-link-limiter';

const PUBLIC_URL = 'https://book.harbour-skin.test';
const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Slot {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
}

/** nodemailer's stream transport: the MIME a mail server would receive. */
class CapturedSmtp implements MessageTransport {
  readonly mails: Buffer[] = [];
  private readonly smtp = new SmtpTransport({ streamTransport: true, buffer: true }, '"Harbour Skin Clinic" <appointments@harbour.test>');
  readonly sender = this.smtp.sender;
  async send(message: OutgoingMessage): Promise<void> {
    this.mails.push((await this.smtp.send(message)).message as Buffer);
  }
}

describe('online booking: the manage link (issue 16)', () => {
  let app: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    app = await createTestApp({ LOG_LEVEL: 'info', PUBLIC_URL: `${PUBLIC_URL}/` }, { logDestination: { write: (chunk: string) => void logged.push(chunk) } });
  });
  afterAll(async () => app.close());

  /** A clinic open online (a day's cancellation window) with a nurse working 09–17 daily and a consultation open to anyone. */
  async function clinic() {
    const org = await signedInOrganization(app, 'owner');
    const nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const room = await newRoom(org.client, org.location.id, 'Room A');
    const consultation = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone', durationMin: 30, bufferMin: 0 });
    expect((await org.client.put('/api/settings/online-booking', OPEN)).status).toBe(200);
    await app.dataSource.query(`UPDATE locations SET phone = '+12125550199', address = '12 Harbour Street' WHERE id = $1`, [org.location.id]);
    const [{ public_booking_slug: slug }] = await app.dataSource.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    const anonymous = app.client();
    /** The nurse's free starts on the third day from now, an hour apart. */
    const slots = async (): Promise<Slot[]> => {
      const from = Date.now() + 3 * DAY;
      const response = await anonymous.get(
        `/api/public/booking/availability?organization=${slug}&serviceId=${consultation.id}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}&practitionerId=${nurse.id}`,
      );
      expect(response.status).toBe(200);
      const spaced: Slot[] = [];
      for (const s of response.body.slots as Slot[]) if (!spaced.length || Date.parse(s.startsAt) >= Date.parse(spaced[spaced.length - 1].startsAt) + 3_600_000) spaced.push(s);
      return spaced;
    };
    /** Books the slot online as a new person (hold, code from the outbox, confirm): the appointment and its manage key. */
    const book = async (slot: Slot) => {
      const who = { firstName: 'Amara', lastName: `Okafor${randomBytes(3).toString('hex')}`, dateOfBirth: '1990-04-02', email: `amara.${randomBytes(4).toString('hex')}@example.com`, phone: '(212) 555-0142' };
      const held = await anonymous.post(`/api/public/booking/holds?organization=${slug}`, {
        serviceId: consultation.id,
        locationId: org.location.id,
        practitionerId: slot.practitionerId,
        startsAt: slot.startsAt,
        patient: who,
        acceptPolicy: true,
      });
      expect(held.status).toBe(201);
      const [message] = await app.dataSource.query(
        `SELECT m.body FROM outbound_messages m JOIN online_booking_holds h ON h.appointment_id = m.appointment_id WHERE h.id = $1 AND m.kind = 'booking_code'`,
        [held.body.holdId],
      );
      const code = /code is (\d{6})/.exec(message.body)?.[1];
      const done = await anonymous.post(`/api/public/booking/holds/${held.body.holdId}/confirm?organization=${slug}`, { code });
      expect(done.status).toBe(201);
      return { id: done.body.appointment.id as string, key: done.body.manageToken as string, who };
    };
    const link = (key: string, action = '') => `/api/public/appointments/${key}${action ? `/${action}` : ''}`;
    const audit = async (appointmentId: string, action: string) =>
      app.dataSource.query(`SELECT actor_id, ip IS NOT NULL AS has_ip FROM audit_events WHERE organization_id = $1 AND entity_id = $2 AND action = $3`, [
        org.organization.id,
        appointmentId,
        action,
      ]);
    return { ...org, nurse, room, consultation, slug: slug as string, anonymous, slots, book, link, audit };
  }

  it('shows the appointment to the link’s holder and nothing of anyone; an unknown, malformed or ended link is a 404 like any other', async () => {
    const c = await clinic();
    const [slot, anotherSlot] = await c.slots();
    const booked = await c.book(slot);
    // Someone else's appointment at the same clinic, booked by staff an hour later (not 24 h later: across a DST change
    // that is another clock time, and may fall outside the nurse's hours).
    const other = await newPatient(app.dataSource, c.organization.id, { firstName: 'Beatrice', lastName: 'Otherpatient', email: 'beatrice@example.com' });
    const staffBooked = await c.client.post('/api/appointments', {
      patientId: other.id,
      serviceId: c.consultation.id,
      practitionerId: c.nurse.id,
      roomId: c.room.id,
      locationId: c.location.id,
      startsAt: anotherSlot.startsAt,
    });
    expect(staffBooked.status).toBe(201);

    const seen = await c.anonymous.get(c.link(booked.key));
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      id: booked.id,
      status: 'booked',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      timeZone: c.location.timezone,
      serviceName: expect.stringContaining('Medical needling'),
      locationName: c.location.name,
      locationAddress: '12 Harbour Street',
      practitionerName: c.nurse.name,
      practitionerId: c.nurse.id,
      organizationName: c.organization.name,
      locationPhone: '+12125550199',
      canCancel: true,
      canReschedule: true,
      cancellationWindowHours: 24,
      policyText: 'Cancel a day ahead, please.',
      brandColor: null,
    });
    const [patient] = await app.dataSource.query(`SELECT p.mrn FROM patients p JOIN appointments a ON a.patient_id = p.id WHERE a.id = $1`, [booked.id]);
    for (const secret of [booked.who.lastName, booked.who.email, booked.who.dateOfBirth, '555-0142', patient.mrn, other.lastName, other.mrn, other.email as string, staffBooked.body.id]) {
      expect(seen.text).not.toContain(secret);
    }

    const unknown = await c.anonymous.get(c.link(randomBytes(32).toString('base64url')));
    const malformed = await c.anonymous.get(c.link('not-a-key'));
    await app.dataSource.query(
      `UPDATE appointments SET starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes', occupied_until = now() - interval '90 minutes' WHERE id = $1`,
      [booked.id],
    );
    const ended = await c.anonymous.get(c.link(booked.key));
    for (const answer of [unknown, malformed, ended]) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect({ ...answer.body, instance: undefined, requestId: undefined }).toEqual({ ...unknown.body, instance: undefined, requestId: undefined });
    }
    expect((await c.anonymous.post(c.link(booked.key, 'cancel'), {})).status).toBe(404);
  });

  it('confirms once (status confirmed, audited with no staff member, the clinic’s notice), and again changes nothing', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    const first = await c.anonymous.post(c.link(booked.key, 'confirm'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: booked.id, status: 'confirmed' });
    const again = await c.anonymous.post(c.link(booked.key, 'confirm'));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('confirmed');
    expect(await c.audit(booked.id, 'appointment.confirmed')).toEqual([{ actor_id: null, has_ip: true }]);
    // Two at once: both answer confirmed, one change.
    const racing = await c.book((await c.slots())[1]);
    const both = await Promise.all([1, 2].map(() => c.anonymous.post(c.link(racing.key, 'confirm'))));
    expect(both.map((r) => [r.status, r.body.status])).toEqual([
      [200, 'confirmed'],
      [200, 'confirmed'],
    ]);
    expect(await c.audit(racing.id, 'appointment.confirmed')).toHaveLength(1);
    expect((await c.client.get(`/api/appointments/${booked.id}`)).body.status).toBe('confirmed');
    const notices = await app.dataSource.query(`SELECT kind FROM outbound_messages WHERE appointment_id = $1 AND kind = 'confirmation' AND channel = 'email'`, [booked.id]);
    expect(notices).toHaveLength(1);
  });

  it('cancels outside the window as a patient’s cancellation staff see; inside it refuses and says to call the clinic, with its number', async () => {
    const c = await clinic();
    const [early, late] = await c.slots();
    const booked = await c.book(early);
    const cancelled = await c.anonymous.post(c.link(booked.key, 'cancel'), { reason: 'Away that week' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false, canReschedule: false });
    const staffView = await c.client.get(`/api/appointments/${booked.id}`);
    expect(staffView.body).toMatchObject({ status: 'cancelled', cancelledBy: 'patient', cancelReason: 'Cancelled online by the patient: Away that week' });
    expect(await c.audit(booked.id, 'appointment.cancelled')).toEqual([{ actor_id: null, has_ip: true }]);
    const [freed] = await app.dataSource.query(`SELECT cause, created_by FROM freed_slots WHERE appointment_id = $1`, [booked.id]);
    expect(freed).toEqual({ cause: 'cancelled', created_by: null });
    const [notice] = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbound_messages WHERE appointment_id = $1 AND kind = 'cancellation'`, [booked.id]);
    expect(notice.n).toBeGreaterThan(0);
    expect((await c.anonymous.post(c.link(booked.key, 'cancel'), {})).body.status).toBe('cancelled');

    // Four days' window: the appointment three days ahead is inside it.
    const second = await c.book(late);
    expect((await c.client.put('/api/settings/online-booking', { ...OPEN, cancellationWindowHours: 96 })).status).toBe(200);
    const view = await c.anonymous.get(c.link(second.key));
    expect(view.body).toMatchObject({ canCancel: false, canReschedule: false, cancellationWindowHours: 96 });
    const refused = await c.anonymous.post(c.link(second.key, 'cancel'), {});
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: expect.stringContaining('inside-cancellation-window'), cancellationWindowHours: 96, phone: '(212) 555-0199' });
    expect(refused.body.detail).toBe(`Your appointment starts in less than 96 hours, so it can no longer be cancelled online: please call ${c.location.name} on (212) 555-0199.`);
    const notMoved = await c.anonymous.post(c.link(second.key, 'reschedule'), { startsAt: early.startsAt });
    expect(notMoved.status).toBe(409);
    expect(notMoved.body.type).toContain('inside-cancellation-window');
    expect((await c.client.get(`/api/appointments/${second.id}`)).body).toMatchObject({ status: 'booked', startsAt: late.startsAt });
  });

  it('moves to an offered start (audited, the notice carries the link); refuses a start taken or never offered', async () => {
    const c = await clinic();
    const [first, second, third] = await c.slots();
    const booked = await c.book(first);
    const moved = await c.anonymous.post(c.link(booked.key, 'reschedule'), { startsAt: second.startsAt });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'booked', startsAt: second.startsAt, endsAt: second.endsAt });
    expect((await c.client.get(`/api/appointments/${booked.id}`)).body).toMatchObject({ startsAt: second.startsAt, practitionerId: c.nurse.id });
    expect(await c.audit(booked.id, 'appointment.rescheduled')).toEqual([{ actor_id: null, has_ip: true }]);
    const [notice] = await app.dataSource.query(`SELECT body, html_body FROM outbound_messages WHERE appointment_id = $1 AND kind = 'reschedule' AND channel = 'email'`, [booked.id]);
    expect(notice.body).toContain(`${PUBLIC_URL}/book/manage/${booked.key}`);
    // The link follows its appointment.
    expect((await c.anonymous.get(c.link(booked.key))).body.startsAt).toBe(second.startsAt);

    const other = await c.book(third);
    const taken = await c.anonymous.post(c.link(booked.key, 'reschedule'), { startsAt: third.startsAt });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toContain('slot-taken');
    const night = new Date(Date.parse(first.startsAt));
    night.setUTCHours(night.getUTCHours() - 12);
    const unoffered = await c.anonymous.post(c.link(booked.key, 'reschedule'), { startsAt: night.toISOString() });
    expect(unoffered.status).toBe(409);
    expect(unoffered.body.type).toContain('slot-taken');
    expect((await c.anonymous.post(c.link(booked.key, 'reschedule'), { startsAt: 'tomorrow' })).status).toBe(400);
    expect((await c.client.get(`/api/appointments/${booked.id}`)).body.startsAt).toBe(second.startsAt);
    expect((await c.client.get(`/api/appointments/${other.id}`)).body.startsAt).toBe(third.startsAt);
  });

  it('when staff move an online booking, the notice and the rewritten reminders carry a new link; the old one keeps working', async () => {
    const c = await clinic();
    const [first, second] = await c.slots();
    const booked = await c.book(first);
    const moved = await c.client.patch(`/api/appointments/${booked.id}`, { startsAt: second.startsAt });
    expect(moved.status).toBe(200);
    const messages: { kind: string; channel: string; body: string }[] = await app.dataSource.query(
      `SELECT kind, channel, body FROM outbound_messages WHERE appointment_id = $1 AND kind IN ('reschedule', 'reminder') AND status = 'pending' ORDER BY kind, channel`,
      [booked.id],
    );
    const emails = messages.filter((m) => m.channel === 'email');
    expect(emails.map((m) => m.kind).sort()).toEqual(['reminder', 'reschedule']);
    const keys = new Set(emails.map((m) => new RegExp(`${PUBLIC_URL}/book/manage/([A-Za-z0-9_-]{43})`).exec(m.body)?.[1]));
    expect(keys.size).toBe(1);
    const [fresh] = [...keys];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(booked.key);
    for (const key of [fresh as string, booked.key]) {
      const view = await c.anonymous.get(c.link(key));
      expect(view.status).toBe(200);
      expect(view.body.startsAt).toBe(second.startsAt);
    }
    // Stored as a hash like the first: the key itself is nowhere in the table.
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM online_booking_manage_tokens WHERE appointment_id = $1`, [booked.id]);
    expect(n).toBe(2);
  });

  it('a staff-booked appointment without a link gets none when moved', async () => {
    const c = await clinic();
    const [first, second] = await c.slots();
    const booked = await c.book(first);
    await app.dataSource.query(`DELETE FROM online_booking_manage_tokens WHERE appointment_id = $1`, [booked.id]);
    expect((await c.client.patch(`/api/appointments/${booked.id}`, { startsAt: second.startsAt })).status).toBe(200);
    const [notice] = await app.dataSource.query(`SELECT body FROM outbound_messages WHERE appointment_id = $1 AND kind = 'reschedule' AND channel = 'email'`, [booked.id]);
    expect(notice.body).not.toContain('/book/manage/');
  });

  it('offers the starts it may move to: its practitioner, its own time not blocking them, nothing once inside the window', async () => {
    const c = await clinic();
    const [first, second] = await c.slots();
    const booked = await c.book(first);
    const from = Date.parse(first.startsAt) - 2 * 3_600_000;
    const offered = await c.anonymous.get(`${c.link(booked.key, 'availability')}?from=${iso(from)}&to=${iso(from + DAY)}`);
    expect(offered.status).toBe(200);
    expect(offered.headers.get('set-cookie')).toBeNull();
    expect(offered.body.timeZone).toBe(c.location.timezone);
    const starts = (offered.body.slots as Slot[]).map((s) => s.startsAt);
    // Its own start is free to it (its own time does not block it); the next hour too.
    expect(starts).toEqual(expect.arrayContaining([first.startsAt, second.startsAt]));
    expect(new Set((offered.body.slots as Slot[]).map((s) => s.practitionerId))).toEqual(new Set([c.nurse.id]));
    // Another patient's availability (the public page's) does not offer her start: it is hers.
    const publicStarts = await c.anonymous.get(
      `/api/public/booking/availability?organization=${c.slug}&serviceId=${c.consultation.id}&locationId=${c.location.id}&from=${iso(from)}&to=${iso(from + DAY)}`,
    );
    expect((publicStarts.body.slots as Slot[]).map((s) => s.startsAt)).not.toContain(first.startsAt);
    expect((await c.anonymous.get(`${c.link(booked.key, 'availability')}?from=${iso(from)}&to=${iso(from + 20 * DAY)}`)).status).toBe(400);
    expect((await c.anonymous.get(`${c.link(randomBytes(32).toString('base64url'), 'availability')}?from=${iso(from)}&to=${iso(from + DAY)}`)).status).toBe(404);
    // Inside the window it can no longer be moved online: nothing is offered.
    await app.dataSource.query(
      `UPDATE appointments SET starts_at = now() + interval '2 hours', ends_at = now() + interval '150 minutes', occupied_until = now() + interval '150 minutes' WHERE id = $1`,
      [booked.id],
    );
    const inside = await c.anonymous.get(`${c.link(booked.key, 'availability')}?from=${iso(from)}&to=${iso(from + DAY)}`);
    expect(inside.status).toBe(200);
    expect(inside.body.slots).toEqual([]);
  });

  it('gives one start to exactly one of two patients moving to it at once; the other is a 409', async () => {
    const c = await clinic();
    const [a, b, target] = await c.slots();
    const [one, two] = [await c.book(a), await c.book(b)];
    const answers = await Promise.all([one, two].map((x) => c.anonymous.post(c.link(x.key, 'reschedule'), { startsAt: target.startsAt })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM appointments WHERE organization_id = $1 AND starts_at = $2 AND status = 'booked'`, [
      c.organization.id,
      target.startsAt,
    ]);
    expect(row.n).toBe(1);
  });

  it('e-mails the link with the confirmation and the reminder, and the booking e-mail’s .ics reads in ical.js', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    const url = `${PUBLIC_URL}/book/manage/${booked.key}`;
    const rows: { id: string; kind: string; channel: string; body: string; html_body: string | null }[] = await app.dataSource.query(
      `SELECT id, kind, channel, body, html_body FROM outbound_messages WHERE appointment_id = $1 AND kind IN ('booked', 'reminder') ORDER BY kind, channel`,
      [booked.id],
    );
    expect(rows.map((r) => `${r.kind}/${r.channel}`)).toEqual(['booked/email', 'reminder/email', 'reminder/sms']);
    for (const r of rows) expect(r.body).toContain(url);
    for (const r of rows.filter((x) => x.html_body)) expect(r.html_body).toContain(`href="${url}"`);

    const smtp = new CapturedSmtp();
    expect(await new MessageSender(app.appDataSource, { email: smtp }, 'manage-test').deliver(rows[0].id)).toBe('sent');
    const mail = await simpleParser(smtp.mails[0]);
    expect(mail.text).toContain(url);
    const [ics] = mail.attachments;
    expect(ics).toMatchObject({ contentType: 'text/calendar', filename: 'appointment.ics' });
    const text = ics.content.toString('utf8');
    expect(contentLineProblems(text)).toEqual([]);
    const calendar = readWithIcalJs(text);
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({ uid: booked.id, start: new Date(slot.startsAt), end: new Date(slot.endsAt) });
  });

  it(`limits one link to ${MANAGE_ACTIONS_PER_HOUR} changes an hour (429 problem+json) and never logs its key`, async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    for (let i = 0; i < MANAGE_ACTIONS_PER_HOUR; i++) expect((await c.anonymous.post(c.link(booked.key, 'confirm'))).status).toBe(200);
    const limited = await c.anonymous.post(c.link(booked.key, 'confirm'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
    // Reading is not a change: still allowed.
    expect((await c.anonymous.get(c.link(booked.key))).status).toBe(200);
    expect((await c.anonymous.get(`${c.link(booked.key)}/no-such-action`)).status).toBe(404);

    const log = logged.join('');
    expect(log).toContain('/api/public/appointments/[key]/confirm');
    expect(log).not.toContain(booked.key);
  });
});
