import { newPatient, signedInOrganization } from '../../test/factories';
import { contentLineProblems, dateTimeValues, readWithIcalJs, readWithNodeIcal } from '../../test/icalendar-checks';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * A practitioner's phone calendar subscribes to the feed: what it receives must be RFC 5545 text a calendar accepts
 * (checked with ical.js and node-ical, neither ours), carry a SEQUENCE and LAST-MODIFIED that move when the
 * appointment changes as the practitioner would see it, and keep a cancelled appointment (STATUS:CANCELLED) long
 * enough for every subscribed phone to learn of it.
 */
describe('practitioner calendar feed (RFC 5545)', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let base: { serviceId: string; practitionerId: string; roomId: string; locationId: string };
  let feedPath: string;
  // Long and non-ASCII, so the SUMMARY line must be folded, and folded by octets, not characters.
  const serviceName = 'Microneedling für Aknenarben – Gesicht, Hals und Dekolleté (Behandlungsserie)';

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const service = await newService(org.client, { name: serviceName, procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 0 });
    base = { serviceId: service.id, practitionerId: practitioner.id, roomId: (await newRoom(org.client, org.location.id, 'Room 1')).id, locationId: org.location.id };
    feedPath = (await org.client.post(`/api/staff/${practitioner.id}/calendar-feed`)).body.path;
  });
  afterAll(async () => app.close());

  let hour = 0;
  /** A start on a fresh quarter hour some days ahead, so appointments never meet. */
  const nextStart = () => new Date(Math.ceil((Date.now() + (72 + 2 * hour++) * 3_600_000) / 900_000) * 900_000).toISOString();
  const book = async () => {
    const patient = await newPatient(app.dataSource, org.organization.id, { firstName: 'Ada', lastName: 'Lovelace' });
    const response = await org.client.post('/api/appointments', { ...base, patientId: patient.id, startsAt: nextStart() });
    if (response.status !== 201) throw new Error(response.text);
    return response.body as { id: string; startsAt: string; endsAt: string };
  };
  const feedText = async () => {
    const response = await app.client().get(feedPath);
    expect(response.status).toBe(200);
    return response.text;
  };
  const eventOf = async (id: string) => readWithIcalJs(await feedText()).events.find((e) => e.uid === id);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1100)); // iCalendar times have whole seconds

  it('is RFC 5545 text: CRLF after every line including the last, folded at 75 octets, UTC throughout; ical.js and node-ical read it', async () => {
    const booked = await book();
    const text = await feedText();
    expect(contentLineProblems(text)).toEqual([]);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true); // the long SUMMARY was folded
    const values = dateTimeValues(text);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^\d{8}T\d{6}Z$/);

    const byIcalJs = readWithIcalJs(text);
    expect(byIcalJs.method).toBeNull(); // a subscription, not a scheduling message
    expect(byIcalJs.timezones).toBe(0);
    const event = byIcalJs.events.find((e) => e.uid === booked.id);
    expect(event).toMatchObject({ summary: `${serviceName} – AL`, sequence: 0, status: 'CONFIRMED' });
    expect(event?.start.toISOString()).toBe(booked.startsAt);
    expect(event?.end.toISOString()).toBe(booked.endsAt);

    const byNodeIcal = readWithNodeIcal(text)[booked.id];
    expect(byNodeIcal).toMatchObject({ sequence: 0, status: 'CONFIRMED', summary: `${serviceName} – AL` });
    expect(byNodeIcal.start.toISOString()).toBe(booked.startsAt);
    expect(byNodeIcal.end.toISOString()).toBe(booked.endsAt);
    expect(text).not.toMatch(/Ada|Lovelace/);
  });

  it('raises SEQUENCE and LAST-MODIFIED with every change the practitioner sees (and only then); DTSTAMP is the last change', async () => {
    const booked = await book();
    const [{ created_at }] = await app.dataSource.query(`SELECT created_at FROM appointments WHERE id = $1`, [booked.id]);
    let event = await eventOf(booked.id);
    expect(event?.sequence).toBe(0);
    expect(event?.lastModified?.getTime()).toBe(Math.floor(created_at.getTime() / 1000) * 1000);
    // RFC 5545 §3.8.7.2: without METHOD, DTSTAMP is when the event was last revised, not when the feed was fetched.
    expect(event?.dtstamp.getTime()).toBe(event?.lastModified?.getTime());

    // Notes are not on the practitioner's phone: nothing moves.
    await pause();
    expect((await org.client.patch(`/api/appointments/${booked.id}`, { notes: 'Prefers the window seat' })).status).toBe(200);
    expect(await eventOf(booked.id)).toMatchObject({ sequence: 0, lastModified: event?.lastModified });

    const steps: [string, () => Promise<{ status: number }>][] = [
      ['reschedule', () => org.client.patch(`/api/appointments/${booked.id}`, { startsAt: nextStart() })],
      ['room', async () => org.client.patch(`/api/appointments/${booked.id}`, { roomId: (await newRoom(org.client, org.location.id, 'Room 2')).id })],
      ['confirm', () => org.client.post(`/api/appointments/${booked.id}/confirm`)],
      ['cancel', () => org.client.post(`/api/appointments/${booked.id}/cancel`, { reason: 'Travelling', cancelledBy: 'patient' })],
    ];
    let sequence = 0;
    for (const [step, run] of steps) {
      await pause();
      const before = Date.now();
      expect({ step, status: (await run()).status }).toEqual({ step, status: 200 });
      const next = await eventOf(booked.id);
      sequence += 1;
      expect({ step, sequence: next?.sequence }).toEqual({ step, sequence });
      expect(next?.lastModified?.getTime()).toBeGreaterThan(event?.lastModified?.getTime() as number);
      expect(next?.lastModified?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
      expect(next?.dtstamp.getTime()).toBe(next?.lastModified?.getTime());
      event = next;
    }
    expect(event?.status).toBe('CANCELLED');
    const [row] = await app.dataSource.query(`SELECT calendar_sequence FROM appointments WHERE id = $1`, [booked.id]);
    expect(row.calendar_sequence).toBe(4);
  });

  it('no code path can set the sequence by hand: the database keeps it', async () => {
    const booked = await book();
    await app.dataSource.query(`UPDATE appointments SET calendar_sequence = 99, calendar_changed_at = now() - interval '3 days' WHERE id = $1`, [booked.id]);
    const [row] = await app.dataSource.query(`SELECT calendar_sequence, calendar_changed_at, created_at FROM appointments WHERE id = $1`, [booked.id]);
    expect(row.calendar_sequence).toBe(0);
    expect(row.calendar_changed_at.getTime()).toBe(row.created_at.getTime());
  });

  it('keeps a cancelled appointment in the feed with STATUS:CANCELLED for 30 days after the cancellation, then drops it', async () => {
    const booked = await book();
    expect((await org.client.post(`/api/appointments/${booked.id}/cancel`, { reason: 'Unwell', cancelledBy: 'patient' })).status).toBe(200);
    const text = await feedText();
    const cancelled = readWithIcalJs(text).events.find((e) => e.uid === booked.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(cancelled?.summary).toMatch(/^Cancelled: /);
    expect(readWithNodeIcal(text)[booked.id]).toMatchObject({ status: 'CANCELLED', sequence: 1 });

    await app.dataSource.query(`UPDATE appointments SET status_changed_at = now() - interval '29 days' WHERE id = $1`, [booked.id]);
    expect((await eventOf(booked.id))?.status).toBe('CANCELLED');
    await app.dataSource.query(`UPDATE appointments SET status_changed_at = now() - interval '31 days' WHERE id = $1`, [booked.id]);
    expect(await eventOf(booked.id)).toBeUndefined();
  });

  it('keeps a no-show as the time the practitioner held, marked in its description', async () => {
    const patient = await newPatient(app.dataSource, org.organization.id, { firstName: 'Ben', lastName: 'Missed' });
    const start = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 900_000) * 900_000).toISOString();
    const [{ id }] = await app.dataSource.query(
      `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7::timestamptz + interval '30 minutes', $7::timestamptz + interval '30 minutes') RETURNING id`,
      [org.organization.id, base.locationId, patient.id, base.serviceId, base.practitionerId, base.roomId, start],
    );
    expect((await org.client.post(`/api/appointments/${id}/no-show`)).status).toBe(200);
    const event = await eventOf(id);
    expect(event).toMatchObject({ status: 'CONFIRMED', sequence: 1 });
    expect(event?.description).toMatch(/no-show/i);
  });
});
