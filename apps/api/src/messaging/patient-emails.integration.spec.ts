import { simpleParser, type ParsedMail } from 'mailparser';
import { newPatient, signedInOrganization } from '../../test/factories';
import { contentLineProblems, readWithIcalJs } from '../../test/icalendar-checks';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MessageSender } from './message-sender';
import { SmtpTransport, type MessageTransport, type OutgoingMessage } from './transports';

/** The real SMTP transport composing real MIME (nodemailer's stream transport): what a mail server would receive. */
class CapturedSmtp implements MessageTransport {
  readonly mails: { to: string; raw: Buffer }[] = [];
  private readonly smtp = new SmtpTransport({ streamTransport: true, buffer: true }, '"Harbour Skin Clinic" <appointments@harbour.test>');
  readonly sender = this.smtp.sender;
  async send(message: OutgoingMessage): Promise<void> {
    const info = await this.smtp.send(message);
    this.mails.push({ to: message.to, raw: info.message as Buffer });
  }
}

class RecordingSms implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

interface ReadMail {
  parsed: ParsedMail;
  subject: string;
  text: string;
  html: string;
  attachments: { contentType: string; method: string | undefined; filename: string | undefined; text: string }[];
  headerText: string;
}

/** The e-mail as mailparser (not ours) reads it. */
async function readMail(raw: Buffer): Promise<ReadMail> {
  const parsed = await simpleParser(raw);
  return {
    parsed,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    attachments: parsed.attachments.map((a) => ({
      contentType: a.contentType,
      method: (a.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.method,
      filename: a.filename,
      text: a.content.toString('utf8'),
    })),
    headerText: parsed.headerLines.map((h) => h.line).join('\n'),
  };
}

describe('patient e-mails: multipart text and HTML with the appointment as iCalendar', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let base: { serviceId: string; practitionerId: string; roomId: string; locationId: string };
  let feedPath: string;
  let patient: { id: string; mrn: string };
  const address = '12 Harbour Street, Portland, ME 04101';
  const notes = 'Acne scarring left cheek; 1.5 mm last time';

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    await app.dataSource.query(`UPDATE organizations SET name = 'Harbour Skin Clinic' WHERE id = $1`, [org.organization.id]);
    await app.dataSource.query(`UPDATE locations SET name = 'Harbour Street', address = $2, phone = '+12075550100' WHERE id = $1`, [org.location.id, address]);
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const service = await newService(org.client, { name: 'Skin consultation', procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 0 });
    base = { serviceId: service.id, practitionerId: practitioner.id, roomId: (await newRoom(org.client, org.location.id, 'Room 3')).id, locationId: org.location.id };
    feedPath = (await org.client.post(`/api/staff/${practitioner.id}/calendar-feed`)).body.path;
    // A first name that is markup: it must reach the HTML as text, never as tags.
    patient = await newPatient(app.dataSource, org.organization.id, {
      firstName: '<b>Zoë</b>',
      lastName: 'Quillfeather',
      dateOfBirth: '1979-03-14',
      email: 'zoe@example.test',
      phone: '+19175550142',
    });
  });
  afterAll(async () => app.close());

  const startIn = (hours: number) => new Date(Math.ceil((Date.now() + hours * 3_600_000) / 900_000) * 900_000).toISOString();
  const book = async (startsAt: string) => {
    const response = await org.client.post('/api/appointments', { ...base, patientId: patient.id, startsAt, notes });
    if (response.status !== 201) throw new Error(response.text);
    return response.body as { id: string };
  };
  const deliver = async () => {
    const smtp = new CapturedSmtp();
    const sms = new RecordingSms();
    await new MessageSender(app.appDataSource, { email: smtp, sms }, `mail-${Math.random()}`).deliverDue();
    return { mails: await Promise.all(smtp.mails.map(async (m) => ({ to: m.to, ...(await readMail(m.raw)) }))), sms: sms.sent };
  };
  const feedEvent = async (appointmentId: string) => {
    const feed = await app.client().get(feedPath);
    return readWithIcalJs(feed.text).events.find((e) => e.uid === appointmentId);
  };
  const kindOf = (subject: string) =>
    /is booked$/.test(subject) ? 'booked' : /^Reminder/.test(subject) ? 'reminder' : /has moved/.test(subject) ? 'reschedule' : /is cancelled$/.test(subject) ? 'cancellation' : /is confirmed$/.test(subject) ? 'confirmation' : subject;

  /** Nothing about the patient beyond the first name (and the address the mail goes to): no date of birth, MRN, phone, surname or notes. */
  const expectNoPhi = (mail: ReadMail) => {
    const everything = [mail.subject, mail.text, mail.html, mail.headerText, ...mail.attachments.map((a) => a.text.replace(/\r\n[ \t]/g, ''))].join('\n');
    for (const secret of ['Quillfeather', '1979', '03/14', '14/03', 'March 14', '14 March', patient.mrn, '9175550142', '917) 555', '917-555', '555-0142', 'Acne', 'cheek', '1.5 mm']) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  };

  const expectMultipart = (mail: ReadMail) => {
    expect((mail.parsed.headers.get('content-type') as { value: string }).value).toBe('multipart/mixed');
    expect(mail.parsed.headerLines.map((h) => h.key)).toContain('content-type');
    // Plain text and HTML as alternatives; the clinic's name and address in both.
    expect(mail.text).toMatch(/^Hello <b>Zoë<\/b>,/);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Harbour Skin Clinic');
      expect(part).toContain(address);
      expect(part).toContain('Skin consultation');
      expect(part).toContain('(207) 555-0100');
    }
    expect(mail.html).toContain('Hello &lt;b&gt;Zoë&lt;/b&gt;,');
    expect(mail.html).not.toMatch(/<b>/i);
    expectNoPhi(mail);
  };

  const calendarOf = (mail: ReadMail, method: 'REQUEST' | 'CANCEL') => {
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics).toMatchObject({ contentType: 'text/calendar', method, filename: 'appointment.ics' });
    expect(contentLineProblems(ics.text)).toEqual([]);
    const calendar = readWithIcalJs(ics.text);
    expect(calendar.method).toBe(method);
    expect(calendar.events).toHaveLength(1);
    // URI schemes are case-insensitive (RFC 3986 §3.1): ical-generator writes MAILTO for attendees.
    expect(calendar.events[0].organizer?.toLowerCase()).toBe('mailto:appointments@harbour.test');
    expect(calendar.events[0].attendees.map((a) => a.toLowerCase())).toEqual(['mailto:zoe@example.test']);
    return calendar.events[0];
  };

  it('books, moves and cancels with e-mails a calendar understands: same UID and SEQUENCE as the practitioner’s feed', async () => {
    // Three hours ahead: the booking notice and the reminder are both due at once.
    const booked = await book(startIn(3));
    const first = await deliver();
    const byKind = Object.fromEntries(first.mails.map((m) => [kindOf(m.subject), m]));
    expect(Object.keys(byKind).sort()).toEqual(['booked', 'reminder']);
    let feed = await feedEvent(booked.id);
    for (const mail of Object.values(byKind)) {
      expect(mail.to).toBe('zoe@example.test');
      expectMultipart(mail);
      const event = calendarOf(mail, 'REQUEST');
      expect(event).toMatchObject({ uid: booked.id, sequence: feed?.sequence, status: 'CONFIRMED', summary: 'Skin consultation – Harbour Skin Clinic' });
      expect(event.location).toBe(`Harbour Skin Clinic, Harbour Street, ${address}`);
      expect(event.start.getTime()).toBe(feed?.start.getTime());
    }

    const newStart = startIn(5);
    expect((await org.client.patch(`/api/appointments/${booked.id}`, { startsAt: newStart })).status).toBe(200);
    const second = await deliver();
    feed = await feedEvent(booked.id);
    expect(feed?.sequence).toBe(1);
    const moved = second.mails.find((m) => kindOf(m.subject) === 'reschedule') as ReadMail;
    expectMultipart(moved);
    expect(calendarOf(moved, 'REQUEST')).toMatchObject({ uid: booked.id, sequence: 1, start: new Date(newStart) });

    expect((await org.client.post(`/api/appointments/${booked.id}/cancel`, { reason: 'Unwell', cancelledBy: 'patient' })).status).toBe(200);
    const third = await deliver();
    feed = await feedEvent(booked.id);
    expect(feed).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    expect(third.mails.map((m) => kindOf(m.subject))).toEqual(['cancellation']);
    const cancelled = third.mails[0];
    expectMultipart(cancelled);
    expect(calendarOf(cancelled, 'CANCEL')).toMatchObject({ uid: booked.id, sequence: 2, status: 'CANCELLED' });
    // SMS stays one line of plain text, no HTML, no calendar.
    for (const sms of [...first.sms, ...second.sms, ...third.sms]) {
      expect(sms.to).toBe('+19175550142');
      expect(sms.body).toMatch(/^Hello <b>Zoë<\/b>, [^\n]+$/);
      expect(sms).not.toHaveProperty('html');
      expect(sms).not.toHaveProperty('calendar');
    }
    expect(third.sms.map((m) => m.subject)).toEqual([cancelled.subject]);
  });

  it('attaches the appointment as it is when the e-mail goes: a reminder written at booking carries the confirmation’s SEQUENCE', async () => {
    const booked = await book(startIn(8));
    expect((await org.client.post(`/api/appointments/${booked.id}/confirm`)).status).toBe(200);
    const { mails } = await deliver();
    const feed = await feedEvent(booked.id);
    expect(feed?.sequence).toBe(1);
    expect(mails.map((m) => kindOf(m.subject)).sort()).toEqual(['booked', 'confirmation', 'reminder']);
    for (const mail of mails) expect(calendarOf(mail, 'REQUEST')).toMatchObject({ uid: booked.id, sequence: 1 });
  });

  it('sends a no-show notice as text and HTML without a calendar (nothing to add or remove)', async () => {
    const booked = await book(startIn(10));
    await deliver();
    expect((await org.client.post(`/api/appointments/${booked.id}/no-show`)).status).toBe(200);
    const { mails } = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^We missed you on /);
    expect((mails[0].parsed.headers.get('content-type') as { value: string }).value).toBe('multipart/alternative');
    expect(mails[0].attachments).toEqual([]);
    expect(mails[0].text).toContain(address);
    expect(mails[0].html).toContain('Hello &lt;b&gt;Zoë&lt;/b&gt;,');
    expectNoPhi(mails[0]);
  });
});
