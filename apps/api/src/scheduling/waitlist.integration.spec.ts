import { isoDateInTimeZone, addDays } from '@skinledger/domain';
import { newOrganization, newPatient, newStaffMember, signIn, signedInOrganization } from '../../test/factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

const ISO = /\d{4}-\d{2}-\d{2}T?\s?\d{2}:\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

interface Match {
  entry: { id: string; patientName: string; state: string };
  startsAt: string;
  roomName: string;
  offer: { id: string; state: string } | null;
}
interface FreedSlot {
  id: string;
  cause: string;
  open: boolean;
  startsAt: string;
  matches: Match[];
}

describe('waitlist (issue 13)', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let nora: { id: string };
  let sam: { id: string };
  let roomId: string;
  let facial: { id: string };
  let longTreatment: { id: string };
  const today = () => isoDateInTimeZone(new Date(), 'America/New_York');

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    nora = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '08:00', end: '20:00' });
    sam = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '08:00', end: '20:00' });
    await app.dataSource.query(`UPDATE staff_members SET name = 'Nora Reyes' WHERE id = $1`, [nora.id]);
    roomId = (await newRoom(org.client, org.location.id, 'Room 1')).id;
    longTreatment = await newService(org.client, { name: 'Long treatment', procedureKind: 'consultation', consentKinds: [], durationMin: 120, bufferMin: 0 });
  });
  afterAll(async () => app.close());
  // A service of its own per test, so one test's entries are not another's matches.
  let serial = 0;
  beforeEach(async () => {
    serial += 1;
    facial = await newService(org.client, { name: `Facial consultation ${String.fromCharCode(64 + serial)}`, procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 15 });
  });

  const patient = (first: string, overrides: Record<string, unknown> = {}) =>
    newPatient(app.dataSource, org.organization.id, { firstName: first, lastName: 'Waiting', email: `${first.toLowerCase()}@example.test`, ...overrides });
  const book = async (patientId: string, startsAt: string, practitionerId = nora.id, serviceId = facial.id) => {
    const r = await org.client.post('/api/appointments', { patientId, serviceId, practitionerId, roomId, locationId: org.location.id, startsAt });
    expect(r.status).toBe(201);
    return r.body as { id: string; startsAt: string };
  };
  // Each test waits for its own day (its freed slot's), so one test's entries are not another's matches.
  let day = today();
  const enlist = (patientId: string, overrides: Record<string, unknown> = {}) =>
    org.client.post('/api/waitlist', { patientId, serviceId: facial.id, locationId: org.location.id, earliestOn: day, latestOn: day, ...overrides });
  const onDay = (daysAhead: number) => {
    day = isoDateInTimeZone(new Date(futureInstant(daysAhead, 15)), 'America/New_York');
    return futureInstant(daysAhead, 15);
  };
  const freedOf = async (appointmentId: string): Promise<FreedSlot> => {
    const r = await org.client.get(`/api/waitlist/freed-slots?appointmentId=${appointmentId}`);
    expect(r.status).toBe(200);
    return r.body.items[0];
  };

  it('puts a patient on the waitlist, audited, and refuses bad ranges, archived patients and duplicates in words', async () => {
    const ada = await patient('Ada');
    day = addDays(today(), 60);
    const created = await enlist(ada.id, { practitionerId: nora.id, notes: 'Mornings only', latestOn: addDays(today(), 70) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ patientName: 'Ada Waiting', serviceName: 'Facial consultation A', practitionerName: 'Nora Reyes', state: 'waiting', notes: 'Mornings only', patientHasEmail: true, latestOffer: null });
    const [event] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE entity_type = 'waitlist_entry' AND entity_id = $1 AND action = 'waitlist_entry.created'`, [created.body.id]);
    expect(event.changes.patientId).toEqual({ to: ada.id });

    const duplicate = await enlist(ada.id, { earliestOn: addDays(today(), 65), latestOn: addDays(today(), 80) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.type).toBe('urn:skinledger:problem:duplicate');
    expect(duplicate.body.detail).toMatch(/^Ada Waiting is already on the waitlist for Facial consultation A at .+ from \w+ \d+, \d{4} to \w+ \d+, \d{4}$/);
    expect(duplicate.body.detail).not.toMatch(UUID);

    const backwards = await enlist(ada.id, { earliestOn: addDays(today(), 85), latestOn: addDays(today(), 84) });
    expect([backwards.status, backwards.body.errors[0].field]).toEqual([400, 'latestOn']);
    expect((await enlist(ada.id, { earliestOn: '2026-02-30' })).status).toBe(400);
    const over = await enlist(ada.id, { serviceId: longTreatment.id, earliestOn: addDays(today(), -10), latestOn: addDays(today(), -1) });
    expect(over.status).toBe(422);
    expect(over.body.violations.map((v: { code: string }) => v.code)).toEqual(['waitlist-range-over']);
    const tooLong = await enlist(ada.id, { serviceId: longTreatment.id, earliestOn: today(), latestOn: addDays(today(), 400) });
    expect(tooLong.body.violations.map((v: { code: string }) => v.code)).toEqual(['waitlist-range-too-long']);
    const archived = await patient('Bea', { archivedAt: new Date(), archivedBy: org.staffMember.id, archiveReason: 'Moved away' });
    expect((await enlist(archived.id)).body.violations.map((v: { code: string }) => v.code)).toEqual(['patient-archived']);
    expect((await enlist(ada.id, { serviceId: longTreatment.id, practitionerId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
  });

  it('shows the front desk the open entries that fit a cancelled slot, with the first free start the engine finds', async () => {
    const holder = await patient('Holder');
    const held = await book(holder.id, onDay(5));
    const cara = await patient('Cara');
    const dan = await patient('Dan');
    const eve = await patient('Eve');
    const finn = await patient('Finn');
    const gus = await patient('Gus');
    const cEntry = (await enlist(cara.id)).body;
    const dEntry = (await enlist(dan.id, { practitionerId: sam.id })).body; // wants Sam only
    const eEntry = (await enlist(eve.id, { serviceId: longTreatment.id })).body; // 2 hours: does not fit before the next appointment
    const fEntry = (await enlist(finn.id, { latestOn: addDays(day, 1) })).body;
    await app.dataSource.query(`UPDATE waitlist_entries SET earliest_on = $2, latest_on = $3 WHERE id = $1`, [fEntry.id, addDays(today(), -20), addDays(today(), -1)]); // expired
    const gEntry = (await enlist(gus.id, { earliestOn: addDays(day, 40), latestOn: addDays(day, 45) })).body; // later dates
    // Nora's next appointment starts 45 minutes after the freed time ends.
    await book((await patient('Next')).id, new Date(new Date(held.startsAt).getTime() + 90 * 60_000).toISOString());

    expect((await org.client.post(`/api/appointments/${held.id}/cancel`, { reason: 'Patient unwell' })).status).toBe(200);
    const slot = await freedOf(held.id);
    expect(slot).toMatchObject({ cause: 'cancelled', open: true, startsAt: held.startsAt });
    expect(slot.matches.map((m) => m.entry.id)).toEqual([cEntry.id]);
    expect(slot.matches[0]).toMatchObject({ startsAt: held.startsAt, roomName: 'Room 1', offer: null });
    expect([dEntry.id, eEntry.id, gEntry.id]).not.toContain(slot.matches[0].entry.id);

    // The schedule's panel lists the same open slot; the expired entry shows as such and is not matched.
    const panel = await org.client.get(`/api/waitlist/freed-slots?locationId=${org.location.id}&from=${futureInstant(0, 0)}&to=${futureInstant(10, 0)}`);
    expect(panel.body.items.map((s: FreedSlot) => s.id)).toContain(slot.id);
    const list = await org.client.get(`/api/waitlist?locationId=${org.location.id}&openOnly=false&pageSize=200`);
    expect(list.body.items.find((e: { id: string }) => e.id === fEntry.id).state).toBe('expired');
    const open = await org.client.get(`/api/waitlist?locationId=${org.location.id}&pageSize=200`);
    expect(open.body.items.map((e: { id: string }) => e.id)).not.toContain(fEntry.id);

    // Booking the time again closes the freed slot.
    await book((await patient('Walkin')).id, held.startsAt);
    expect((await freedOf(held.id)).open).toBe(false);
    const after = await org.client.get(`/api/waitlist/freed-slots?locationId=${org.location.id}&from=${futureInstant(0, 0)}&to=${futureInstant(10, 0)}`);
    expect(after.body.items.map((s: FreedSlot) => s.id)).not.toContain(slot.id);
    expect((await org.client.get(`/api/waitlist/freed-slots?locationId=${org.location.id}&from=${futureInstant(0, 0)}&to=${futureInstant(20, 0)}`)).status).toBe(400);
    expect((await org.client.get(`/api/waitlist/freed-slots`)).status).toBe(400);
  });

  it('offers a freed start with one click: the entry offered, a readable e-mail in the outbox, audited; not a taken start', async () => {
    const held = await book((await patient('Hal')).id, onDay(6));
    const ivy = await patient('Ivy', { phone: '+12125550101' });
    const entry = (await enlist(ivy.id)).body;
    // A no-show frees the time too.
    expect((await org.client.post(`/api/appointments/${held.id}/no-show`)).status).toBe(200);
    const slot = await freedOf(held.id);
    const match = slot.matches.find((m) => m.entry.id === entry.id) as Match;
    expect(match).toBeDefined();

    const notFree = await org.client.post(`/api/waitlist/${entry.id}/offers`, { freedSlotId: slot.id, startsAt: new Date(new Date(match.startsAt).getTime() + 7 * 60_000).toISOString() });
    expect(notFree.status).toBe(409);
    expect(notFree.body.type).toBe('urn:skinledger:problem:slot-not-free');
    expect(notFree.body.detail).toMatch(/^Nora Reyes is not free for Facial consultation C on \w+day, \w+ \d+, \d{4} at \d{1,2}:\d{2} [AP]M any more/);

    const offered = await org.client.post(`/api/waitlist/${entry.id}/offers`, { freedSlotId: slot.id, startsAt: match.startsAt });
    expect(offered.status).toBe(201);
    expect(offered.body).toMatchObject({ state: 'offered', latestOffer: { state: 'open', startsAt: match.startsAt, practitionerName: 'Nora Reyes', roomName: 'Room 1' } });
    const [message] = await app.dataSource.query(`SELECT kind, channel, recipient, subject, body, status FROM outbound_messages WHERE waitlist_offer_id = $1`, [offered.body.latestOffer.id]);
    expect(message).toMatchObject({ kind: 'waitlist_offer', channel: 'email', recipient: 'ivy@example.test', status: 'pending' });
    expect(message.subject).toMatch(/^A place has opened for Facial consultation C on \w+day, \w+ \d+, \d{4} at \d{1,2}:\d{2} [AP]M$/);
    // The e-mail's text opens with the offer in one line (then the service, time and place, and the clinic's address).
    expect(message.body.split('\n')[0]).toMatch(/^Hello Ivy, you are on our waitlist for Facial consultation C at .+\. A place has opened on .+ with Nora Reyes\. .+: the first patient to confirm gets the place\.$/);
    expect(`${message.subject} ${message.body}`).not.toMatch(ISO);
    expect(`${message.subject} ${message.body}`).not.toMatch(UUID);
    const [event] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'waitlist_entry.offered'`, [entry.id]);
    expect(event.changes).toMatchObject({ status: { from: 'waiting', to: 'offered' }, startsAt: { to: match.startsAt } });
    // The outbox page names the patient of an offer.
    const outbox = await org.client.get('/api/outbound-messages?pageSize=200');
    expect(outbox.body.items.find((m: { waitlistOfferId: string | null }) => m.waitlistOfferId === offered.body.latestOffer.id)).toMatchObject({ patientName: 'Ivy Waiting', appointmentId: null, kind: 'waitlist_offer' });
    // The same start again to the same entry: refused; the freed slot shows the offer on the match.
    expect((await org.client.post(`/api/waitlist/${entry.id}/offers`, { freedSlotId: slot.id, startsAt: match.startsAt })).status).toBe(409);
    expect((await freedOf(held.id)).matches.find((m) => m.entry.id === entry.id)?.offer).toMatchObject({ state: 'open' });
    // The patient's access log shows it.
    const log = await org.client.get(`/api/patients/${ivy.id}/access-log?pageSize=50`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['waitlist_entry.created', 'waitlist_entry.offered']));
  });

  it('lets exactly one of several offers of one freed slot book it; the others get a clear 409 and stay on the waitlist', async () => {
    const held = await book((await patient('Jon')).id, onDay(7));
    const people = await Promise.all(['Kim', 'Lea', 'Max', 'Nia', 'Oli'].map((n) => patient(n)));
    const entries = [];
    for (const p of people) entries.push((await enlist(p.id)).body as { id: string });
    await org.client.post(`/api/appointments/${held.id}/cancel`, { reason: 'Work' });
    const slot = await freedOf(held.id);
    expect(slot.matches).toHaveLength(5);
    const offers: string[] = [];
    for (const e of entries) {
      const r = await org.client.post(`/api/waitlist/${e.id}/offers`, { freedSlotId: slot.id, startsAt: slot.startsAt });
      expect(r.status).toBe(201);
      offers.push(r.body.latestOffer.id);
    }
    // Every patient calls back at once.
    const answers = await Promise.all(offers.map((id) => org.client.post(`/api/waitlist/offers/${id}/book`)));
    const booked = answers.filter((a) => a.status === 201);
    expect(booked).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.body.type).toBe('urn:skinledger:problem:offer-slot-taken');
      expect(r.body.detail).toMatch(/^Someone else was booked with Nora Reyes on \w+day, \w+ \d+, \d{4} at \d{1,2}:\d{2} [AP]M first: this offer can no longer be booked\. \w+ Waiting stays on the waitlist; offer another slot\.$/);
    }
    const winner = booked[0].body as { id: string; startsAt: string; patientId: string; status: string };
    expect(winner).toMatchObject({ startsAt: slot.startsAt, status: 'booked' });
    const rows = await app.dataSource.query(`SELECT status, booked_appointment_id FROM waitlist_entries WHERE id = ANY($1::uuid[])`, [entries.map((e) => e.id)]);
    expect(rows.filter((r: { status: string }) => r.status === 'booked')).toEqual([{ status: 'booked', booked_appointment_id: winner.id }]);
    expect(rows.filter((r: { status: string }) => r.status !== 'booked').every((r: { status: string }) => r.status === 'waiting' || r.status === 'offered')).toBe(true);
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM appointments WHERE starts_at = $1 AND practitioner_id = $2 AND status = 'booked'`, [slot.startsAt, nora.id]);
    expect(n).toBe(1);
    // Trying a losing offer again answers the same, without a race: nothing written.
    const loser = offers[answers.findIndex((a) => a.status === 409)];
    const again = await org.client.post(`/api/waitlist/offers/${loser}/book`);
    expect(again.body.type).toBe('urn:skinledger:problem:offer-slot-taken');
    // The winning offer cannot be booked twice.
    const winningOffer = offers[answers.findIndex((a) => a.status === 201)];
    expect((await org.client.post(`/api/waitlist/offers/${winningOffer}/book`)).body.type).toBe('urn:skinledger:problem:offer-closed');
    const [bookedEvent] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'waitlist_entry.booked' AND changes -> 'appointmentId' ->> 'to' = $1`, [winner.id]);
    expect(bookedEvent.changes.offerId).toEqual({ to: winningOffer });
  });

  it('takes a patient off the waitlist with the open offers, once', async () => {
    const held = await book((await patient('Pat')).id, onDay(8));
    const quinn = await patient('Quinn');
    const entry = (await enlist(quinn.id)).body;
    await org.client.post(`/api/appointments/${held.id}/cancel`, { reason: 'Work' });
    const slot = await freedOf(held.id);
    const offer = (await org.client.post(`/api/waitlist/${entry.id}/offers`, { freedSlotId: slot.id, startsAt: slot.startsAt })).body.latestOffer;
    const removed = await org.client.post(`/api/waitlist/${entry.id}/remove`, { reason: 'Booked elsewhere' });
    expect(removed.body).toMatchObject({ state: 'removed', removedReason: 'Booked elsewhere', latestOffer: { state: 'withdrawn' } });
    expect((await org.client.post(`/api/waitlist/${entry.id}/remove`, {})).body.type).toBe('urn:skinledger:problem:waitlist-entry-closed');
    expect((await org.client.post(`/api/waitlist/offers/${offer.id}/book`)).body.type).toBe('urn:skinledger:problem:offer-closed');
    expect((await freedOf(held.id)).matches.map((m) => m.entry.id)).not.toContain(entry.id);
    const offerExpired = await org.client.post(`/api/waitlist/${entry.id}/offers`, { freedSlotId: slot.id, startsAt: slot.startsAt });
    expect(offerExpired.body.type).toBe('urn:skinledger:problem:waitlist-entry-closed');
  });

  it('is for every role that books; another clinic’s entries, slots and offers are not found', async () => {
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    const rosa = await patient('Rosa');
    const entry = await frontDesk.post('/api/waitlist', { patientId: rosa.id, serviceId: facial.id, locationId: org.location.id, earliestOn: addDays(today(), 90), latestOn: addDays(today(), 93) });
    expect(entry.status).toBe(201);
    expect((await frontDesk.get(`/api/waitlist?patientId=${rosa.id}`)).body.total).toBe(1);
    const other = await signedInOrganization(app, 'owner');
    expect((await other.client.post(`/api/waitlist/${entry.body.id}/remove`, {})).status).toBe(404);
    expect((await other.client.get(`/api/waitlist?patientId=${rosa.id}`)).body.total).toBe(0);
    expect((await other.client.post(`/api/waitlist/offers/00000000-0000-4000-8000-000000000000/book`)).status).toBe(404);
    const theirs = await newOrganization(app.dataSource);
    expect((await org.client.post('/api/waitlist', { patientId: (await newPatient(app.dataSource, theirs.organization.id)).id, serviceId: facial.id, locationId: org.location.id, earliestOn: today(), latestOn: today() })).status).toBe(400);
  });
});
