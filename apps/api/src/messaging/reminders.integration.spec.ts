import { readable } from '@skinledger/domain';
import { newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MessageSender } from './message-sender';
import { MessageWorker } from './message-worker';
import type { MessageTransport, OutgoingMessage } from './transports';
import { listStatements } from '../../test/list-statements';

/** A transport that records what it was asked to deliver (stands in for an SMTP server). */
class RecordingTransport implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.sent.push(message);
  }
}

const until = async (condition: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
};

describe('reminders and notices', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let base: { serviceId: string; practitionerId: string; roomId: string; locationId: string };

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    base = { serviceId: (await newService(org.client, { durationMin: 30, bufferMin: 0 })).id, practitionerId: practitioner.id, roomId: (await newRoom(org.client, org.location.id)).id, locationId: org.location.id };
  });
  afterAll(async () => app.close());

  const bookSoon = async (hoursAhead: number, email: string | null = 'pat@example.com') => {
    const patient = await newPatient(app.dataSource, org.organization.id, { email, phone: null, firstName: 'Pat' });
    const start = new Date(Math.ceil((Date.now() + hoursAhead * 3_600_000) / 900_000) * 900_000).toISOString();
    const response = await org.client.post('/api/appointments', { ...base, patientId: patient.id, startsAt: start });
    if (response.status !== 201) throw new Error(response.text);
    return response.body as { id: string };
  };
  const statusOf = async (appointmentId: string, kind = 'reminder') =>
    (await app.dataSource.query(`SELECT status FROM outbound_messages WHERE appointment_id = $1 AND kind = $2 AND status <> 'obsolete'`, [appointmentId, kind]))[0]?.status;

  it('writes the pg-boss job in the booking transaction and sends the reminder once across a worker restart', async () => {
    const transport = new RecordingTransport();
    const worker = new MessageWorker(app.appDataSource, { email: transport }, 'worker-a', 0.5);
    await worker.start();
    const appointment = await bookSoon(3);
    // One job per message (the booking notice and the reminder), written with them.
    const [{ jobs, messages }] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM pgboss.job j JOIN outbound_messages o ON o.id::text = j.data->>'messageId' WHERE o.appointment_id = $1) AS jobs,
              (SELECT count(*)::int FROM outbound_messages WHERE appointment_id = $1) AS messages`,
      [appointment.id],
    );
    expect({ jobs, messages }).toEqual({ jobs: 2, messages: 2 });
    await until(async () => (await statusOf(appointment.id)) === 'sent');
    await worker.stop();
    const restarted = new MessageWorker(app.appDataSource, { email: transport }, 'worker-a2', 0.5);
    await restarted.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await restarted.stop();
    const mine = transport.sent.filter((m) => m.subject.startsWith('Reminder'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: 'pat@example.com' });
    expect(mine[0].body).toMatch(/^Hello Pat, this is a reminder/);
  });

  it('sends each message once with two workers running at the same time', async () => {
    const appointments = await Promise.all([bookSoon(4), bookSoon(5), bookSoon(6), bookSoon(7)]);
    const transport = new RecordingTransport();
    const workers = [new MessageWorker(app.appDataSource, { email: transport }, 'w1', 0.5), new MessageWorker(app.appDataSource, { email: transport }, 'w2', 0.5)];
    await Promise.all(workers.map((w) => w.start()));
    await org.client.post(`/api/appointments/${appointments[0].id}/cancel`, { reason: 'Unwell' });
    await until(async () => (await statusOf(appointments[0].id, 'cancellation')) === 'sent');
    for (const a of appointments.slice(1)) await until(async () => (await statusOf(a.id)) === 'sent');
    await Promise.all(workers.map((w) => w.stop()));
    const recipients = transport.sent.map((m) => m.subject);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(transport.sent.filter((m) => m.subject.includes('cancelled'))).toHaveLength(1);
  });

  it('lets exactly one of many concurrent senders claim a message, never resends a claimed one, and keeps messages without transport in the outbox', async () => {
    const appointment = await bookSoon(8);
    const [{ id }] = await app.dataSource.query(`SELECT id FROM outbound_messages WHERE appointment_id = $1 AND kind = 'reminder'`, [appointment.id]);
    const transport = new RecordingTransport();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => new MessageSender(app.appDataSource, { email: transport }, `s${i}`).deliver(id)));
    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(results.filter((r) => r === 'not_claimed')).toHaveLength(9);
    expect(transport.sent).toHaveLength(1);

    // A worker that died after claiming: the row stays 'sending' and is not sent again.
    const crashed = await bookSoon(9);
    await app.dataSource.query(`UPDATE outbound_messages SET status = 'sending', claimed_by = 'dead' WHERE appointment_id = $1`, [crashed.id]);
    await new MessageSender(app.appDataSource, { email: transport }, 'x').deliverDue();
    const stuck = await app.dataSource.query(`SELECT status, sent_at, claimed_by FROM outbound_messages WHERE appointment_id = $1`, [crashed.id]);
    expect(stuck).toEqual(Array(2).fill({ status: 'sending', sent_at: null, claimed_by: 'dead' }));

    const noSmtp = await bookSoon(10);
    await new MessageSender(app.appDataSource, {}, 'y').deliverDue();
    expect(await statusOf(noSmtp.id)).toBe('outbox_only');
    const outbox = await org.client.get('/api/outbound-messages?status=outbox_only');
    expect(outbox.status).toBe(200);
    const unsent = outbox.body.items.find((m: { appointmentId: string; kind: string }) => m.appointmentId === noSmtp.id && m.kind === 'reminder');
    expect(unsent).toMatchObject({ channel: 'email', error: 'No SMTP transport is configured' });
    expect((await org.client.get('/api/outbound-messages?status=nope')).status).toBe(400);
  });

  it('serves a practitioner’s calendar feed at a secret, rotatable, revocable URL with initials only', async () => {
    await bookSoon(30);
    const feed = await org.client.post(`/api/staff/${base.practitionerId}/calendar-feed`);
    expect(feed.status).toBe(201);
    const anonymous = app.client();
    const ics = await anonymous.get(feed.body.path);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(ics.text).toMatch(/BEGIN:VCALENDAR/);
    expect(ics.text).toMatch(/SUMMARY:.* – PP/);
    expect(ics.text).not.toMatch(/Pat/);
    const [{ token_sha256 }] = await app.dataSource.query(`SELECT token_sha256 FROM calendar_feeds WHERE revoked_at IS NULL AND staff_member_id = $1`, [base.practitionerId]);
    expect(token_sha256).not.toContain(feed.body.token);
    const rotated = await org.client.post(`/api/staff/${base.practitionerId}/calendar-feed`);
    expect((await anonymous.get(feed.body.path)).status).toBe(404);
    expect((await anonymous.get(rotated.body.path)).status).toBe(200);
    expect((await org.client.delete(`/api/staff/${base.practitionerId}/calendar-feed`)).status).toBe(204);
    expect((await anonymous.get(rotated.body.path)).status).toBe(404);
    expect((await anonymous.get('/api/calendar-feeds/not-a-token.ics')).status).toBe(404);
  });

  it("words a reminder and a cancellation with the patient's first name, the service, the location, its local time and phone", async () => {
    await app.dataSource.query(`UPDATE locations SET phone = '+1 212 555 0199' WHERE id = $1`, [org.location.id]);
    const patient = await newPatient(app.dataSource, org.organization.id, { firstName: 'Pat', lastName: 'Wording', email: 'wording@example.com', phone: '+19175550123' });
    const startsAt = new Date(Math.ceil((Date.now() + 40 * 3_600_000) / 900_000) * 900_000);
    const booked = await org.client.post('/api/appointments', { ...base, patientId: patient.id, startsAt: startsAt.toISOString() });
    expect(booked.status).toBe(201);
    await org.client.post(`/api/appointments/${booked.body.id}/cancel`, { reason: 'Unwell' });
    const [{ service }] = await app.dataSource.query(`SELECT name AS service FROM services WHERE id = $1`, [base.serviceId]);
    // The clinic's format in the location's zone (a US clinic: Wednesday, December 2, 2026 at 10:30 AM); the location's phone as dialled there.
    const when = readable('en-US').fullDateTime(startsAt, 'America/New_York');
    const messages: { kind: string; channel: string; recipient: string; subject: string; body: string }[] = await app.dataSource.query(
      `SELECT kind, channel, recipient, subject, body FROM outbound_messages WHERE appointment_id = $1 ORDER BY kind, channel`,
      [booked.body.id],
    );
    const at = `at ${org.location.name} on ${when}`;
    const line = {
      booked: { subject: `Your appointment on ${when} is booked`, body: `Hello Pat, your ${service} ${at} is booked. Call (212) 555-0199 to change it.` },
      cancellation: { subject: `Your appointment on ${when} is cancelled`, body: `Hello Pat, your ${service} ${at} has been cancelled. Call (212) 555-0199 to change it.` },
      reminder: { subject: `Reminder: ${service} on ${when}`, body: `Hello Pat, this is a reminder of your ${service} ${at}. Call (212) 555-0199 to change it.` },
    };
    // The SMS is the one line; the e-mail's text opens with it, then the service, time and place, signed with the clinic's name and address.
    const email = (kind: keyof typeof line) => ({
      subject: line[kind].subject,
      body: `${line[kind].body}\n\nWhat: ${service}\nWhen: ${when}\nWhere: ${org.organization.name}, ${org.location.name}, 1 Main Street\n\n${org.organization.name}\n${org.location.name}\n1 Main Street`,
    });
    expect(messages).toEqual([
      { kind: 'booked', channel: 'email', recipient: 'wording@example.com', ...email('booked') },
      { kind: 'cancellation', channel: 'email', recipient: 'wording@example.com', ...email('cancellation') },
      { kind: 'cancellation', channel: 'sms', recipient: '+19175550123', ...line.cancellation },
      { kind: 'reminder', channel: 'email', recipient: 'wording@example.com', ...email('reminder') },
      { kind: 'reminder', channel: 'sms', recipient: '+19175550123', ...line.reminder },
    ]);
    const outbox = await org.client.get('/api/outbound-messages?pageSize=100');
    const names = outbox.body.items.filter((m: { appointmentId: string }) => m.appointmentId === booked.body.id).map((m: { patientName: string }) => m.patientName);
    expect(names).toEqual(Array(5).fill('Pat Wording'));
  });

  it('pages the outbox newest send time first by cursor, one read statement whatever the page size (issue 15)', async () => {
    const all = await org.client.get('/api/outbound-messages?pageSize=200');
    expect(all.body).toMatchObject({ hasMore: false, nextCursor: null, total: { count: all.body.items.length, capped: false } });
    expect(all.body.items.length).toBeGreaterThan(4);
    const walked: { id: string; sendAfter: string }[] = [];
    let after = '';
    for (;;) {
      const page = await org.client.get(`/api/outbound-messages?pageSize=2${after}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.items);
      if (!page.body.hasMore) break;
      after = `&after=${page.body.nextCursor}`;
    }
    expect(walked.map((m) => m.id)).toEqual(all.body.items.map((m: { id: string }) => m.id));
    const times = walked.map((m) => Date.parse(m.sendAfter));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    for (const filter of ['', '&status=outbox_only']) {
      const one = await listStatements(org.client, `/api/outbound-messages?pageSize=1${filter}`);
      const many = await listStatements(org.client, `/api/outbound-messages?pageSize=200${filter}`);
      const next = await listStatements(org.client, `/api/outbound-messages?pageSize=1${filter}&after=${(one.body as { nextCursor: string }).nextCursor}`);
      // START, the sign-in check, the page with its capped count, COMMIT.
      expect(one.reads).toHaveLength(1);
      expect(one.budgeted).toBeLessThanOrEqual(5);
      expect([many.sent, next.sent]).toEqual([one.sent, one.sent]);
    }
  });
});
