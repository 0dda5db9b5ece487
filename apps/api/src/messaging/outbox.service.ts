import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readable } from '@skinledger/domain';
import { formatPhoneNational } from '../common/phone/phone-numbers';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { cappedCount } from '../common/pagination/capped-count';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { checkKeyFormat } from '../common/pagination/keyset-key-format';
import { keysetPage } from '../common/pagination/keyset-page';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_QUEUE_SCHEMA, OUTBOUND_MESSAGE_QUEUE } from '../database/migrations/1796000000001-CreateJobQueue';
import type { OutboundMessageDto, OutboundMessageListDto, OutboundMessageQueryDto } from './outbox.dto';
import {
  appointmentForMessage,
  insertMessages,
  insertOfferMessage,
  messagePage,
  offerForMessage,
  setAsideUnsentExcept,
  setAsideUnsentForCancellation,
  setAsideUnsentForReschedule,
  setAsideUnsentOfKind,
  type NewMessage,
} from './outbox.queries';
import { poolExecutor, transactionExecutor } from './job-queue.queries';
import { noticeLine, patientEmail } from './patient-email';

type Kind = 'booked' | 'reminder' | 'cancellation' | 'reschedule' | 'confirmation' | 'no_show';

/** Kinds sent by e-mail only: the booking notice carries the appointment for the calendar; the reminder goes by SMS too. */
const EMAIL_ONLY: readonly Kind[] = ['booked'];

/**
 * Writes reminders and notices into the outbox in the caller's transaction (with their pg-boss job), so a message
 * exists exactly when its booking, reschedule or cancellation committed. One row per (appointment, kind, channel,
 * appointment start): writing it again is a no-op. Messages carry the patient's first name, the service, the
 * location and the time in the location's zone — nothing clinical. An e-mail is text and HTML with the clinic's name
 * and address; its calendar attachment is made when it is sent (MessageSender), from the appointment as it is then.
 */
@Injectable()
export class OutboxService {
  private readonly boss: PgBoss;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Used only to write jobs (inside transactions); never started here.
    this.boss = new PgBoss({ db: poolExecutor(dataSource), schema: JOB_QUEUE_SCHEMA, migrate: false });
  }

  /**
   * The patient hears of the booking at once (e-mail, with the appointment for their calendar); the reminder later.
   * `manageUrl`: the link an online booking's patient confirms, moves or cancels it with (issue 16). Its key is known
   * only now (stored hashed), so the reminder, written now too, carries it as well.
   */
  async appointmentBooked(manager: EntityManager, appointmentId: string, manageUrl?: string): Promise<void> {
    await this.write(manager, appointmentId, ['booked', 'reminder'], manageUrl);
  }

  /** The old reminders are obsolete; a reminder for the new time and a notice of the change. */
  async appointmentRescheduled(manager: EntityManager, appointmentId: string, manageUrl?: string): Promise<void> {
    await setAsideUnsentForReschedule(manager, appointmentId);
    await this.write(manager, appointmentId, ['reminder', 'reschedule'], manageUrl);
  }

  async appointmentCancelled(manager: EntityManager, appointmentId: string): Promise<void> {
    await setAsideUnsentForCancellation(manager, appointmentId);
    await this.write(manager, appointmentId, ['cancellation']);
  }

  async appointmentConfirmed(manager: EntityManager, appointmentId: string): Promise<void> {
    await this.write(manager, appointmentId, ['confirmation']);
  }

  /** A no-show: nothing still pending about the missed time goes out; the patient hears that they were missed. */
  async appointmentMissed(manager: EntityManager, appointmentId: string): Promise<void> {
    await setAsideUnsentExcept(manager, appointmentId, 'no_show');
    await this.write(manager, appointmentId, ['no_show']);
  }

  /**
   * A waitlist offer: an e-mail (issue 13) to the patient naming the service, place, practitioner and time in the
   * location's zone, written once per offer in the offer's transaction with its job. Without an address the row
   * ends `outbox_only`, for the front desk to phone.
   */
  async waitlistOffered(manager: EntityManager, offerId: string): Promise<void> {
    const o = await offerForMessage(manager, offerId);
    if (!o) throw new Error(`Outbox: waitlist offer ${offerId} is not visible in the caller's transaction`);
    const when = readable(o.locale).fullDateTime(o.starts_at, o.timezone);
    const phone = o.location_phone ? formatPhoneNational(o.location_phone, o.location_country) : '';
    const take = phone ? `Call us on ${phone} to take it` : 'Reply to this e-mail to take it';
    const subject = `A place has opened for ${o.service_name} on ${when}`;
    const news = `you are on our waitlist for ${o.service_name} at ${o.location_name}. A place has opened on ${when} with ${o.practitioner_name}.`;
    const contact = `${take}: the first patient to confirm gets the place.`;
    const email = patientEmail(subject, {
      locale: o.locale,
      firstName: o.first_name,
      news,
      contact,
      serviceName: o.service_name,
      when,
      clinicName: o.clinic_name,
      locationName: o.location_name,
      address: o.location_address,
    });
    const [row] = await insertOfferMessage(manager, {
      organizationId: o.organization_id,
      offerId: o.id,
      startsAt: o.starts_at,
      recipient: o.email,
      subject,
      body: email.text,
      html: email.html,
    });
    if (!row) return;
    const db = await transactionExecutor(manager);
    await this.boss.send(OUTBOUND_MESSAGE_QUEUE, { messageId: row.id }, { startAfter: row.send_after, singletonKey: `${row.id}:${row.send_after.toISOString()}`, db });
  }

  /**
   * An online hold's confirmation code (issue 16), e-mailed at once to the address given, in the hold's transaction
   * with its job. The hold has no patient yet, so the message names only the person's first name and the clinic.
   * The code is in the message and nowhere else in clear (the hold keeps its hash); it is never logged.
   */
  async bookingCode(manager: EntityManager, m: { organizationId: string; appointmentId: string; startsAt: Date; recipient: string; firstName: string; clinicName: string; code: string; validMinutes: number }): Promise<void> {
    const subject = `Your code to confirm your booking with ${m.clinicName}`;
    const body =
      `Hello ${m.firstName},\n\nyour code is ${m.code}. Enter it on the booking page within ${m.validMinutes} minutes to confirm your appointment.\n\n` +
      `If you did not ask to book with ${m.clinicName}, ignore this e-mail: nothing is booked without the code.`;
    const inserted = await insertMessages(manager, { organizationId: m.organizationId, id: m.appointmentId, startsAt: m.startsAt }, [
      { kind: 'booking_code', channel: 'email', recipient: m.recipient, subject, body, html: null, sendAfter: new Date() },
    ]);
    const db = await transactionExecutor(manager);
    for (const row of inserted) {
      await this.boss.send(OUTBOUND_MESSAGE_QUEUE, { messageId: row.id }, { startAfter: row.send_after, singletonKey: `${row.id}:${row.send_after.toISOString()}`, db });
    }
  }

  /**
   * The pre-visit forms (issue 16): an e-mail asking the patient to fill in her medical history and sign her consents
   * through her manage link before the visit, in the caller's transaction with its job. One per appointment start:
   * asked again before it went out, the waiting e-mail is replaced (with the newest link); once sent, it is not sent
   * twice (answers queued false). Carries nothing clinical: the link opens the forms.
   */
  async formsRequested(manager: EntityManager, appointmentId: string, manageUrl: string): Promise<{ queued: boolean; recipient: string | null }> {
    const a = await appointmentForMessage(manager, appointmentId);
    if (!a) throw new Error(`Outbox: appointment ${appointmentId} is not visible in the caller's transaction`);
    const when = readable(a.locale).fullDateTime(a.starts_at, a.timezone);
    const subject = `Before your visit on ${when}: your forms`;
    const formsUrl = `${manageUrl}/forms`;
    const email = patientEmail(subject, {
      locale: a.locale,
      firstName: a.first_name,
      news: `before your ${a.service_name} at ${a.location_name} on ${when}, please fill in your medical history and read and sign your consent forms online: ${formsUrl}`,
      contact: 'It takes about ten minutes, and saves time at the desk.',
      serviceName: a.service_name,
      when,
      clinicName: a.clinic_name,
      locationName: a.location_name,
      address: a.location_address,
      manageUrl,
    });
    await setAsideUnsentOfKind(manager, appointmentId, 'forms_request');
    const inserted = await insertMessages(manager, { organizationId: a.organization_id, id: a.id, startsAt: a.starts_at }, [
      { kind: 'forms_request', channel: 'email', recipient: a.email, subject, body: email.text, html: email.html, sendAfter: new Date() },
    ]);
    const db = await transactionExecutor(manager);
    for (const row of inserted) {
      await this.boss.send(OUTBOUND_MESSAGE_QUEUE, { messageId: row.id }, { startAfter: row.send_after, singletonKey: `${row.id}:${row.send_after.toISOString()}`, db });
    }
    return { queued: inserted.length > 0, recipient: a.email };
  }

  async list(actor: Actor, query: OutboundMessageQueryDto): Promise<OutboundMessageListDto> {
    const after = checkKeyFormat(decodeKeysetCursor(query.after, OUTBOX_KEY), ['microsecond-instant', 'any']);
    const rows = await messagePage(this.dataSource.manager, actor.organizationId, query.status ?? null, after, query.pageSize + 1);
    const page = keysetPage(rows, query.pageSize, (r) => [r.cursor_send_after, r.id as string], toDto);
    if (after !== null) return page;
    return { ...page, total: cappedCount(rows.length > 0 ? Number(rows[0].capped_total) : 0) };
  }

  private async write(manager: EntityManager, appointmentId: string, kinds: Kind[], manageUrl?: string): Promise<void> {
    const a = await appointmentForMessage(manager, appointmentId);
    if (!a) throw new Error(`Outbox: appointment ${appointmentId} is not visible in the caller's transaction`);
    const now = Date.now();
    const hours = a.reminder_hours ?? this.config.reminderHoursBefore;
    // The patient's words: the clinic's date and time format in the location's zone, its phone as dialled locally.
    const when = readable(a.locale).fullDateTime(a.starts_at, a.timezone);
    const phone = a.location_phone ? formatPhoneNational(a.location_phone, a.location_country) : '';
    const change = phone ? `Call ${phone} to change it.` : '';
    const at = `${a.service_name} at ${a.location_name}`;
    const messages: NewMessage[] = [];
    for (const kind of kinds) {
      let sendAfter = new Date(now);
      // Nothing to announce or remind of for a time already begun (a walk-in booked as it starts).
      if ((kind === 'reminder' || kind === 'booked') && a.starts_at.getTime() <= now) continue;
      if (kind === 'reminder') {
        sendAfter = new Date(Math.max(now, a.starts_at.getTime() - hours * 3_600_000));
      }
      const words: Record<Kind, { subject: string; news: string; contact: string }> = {
        booked: { subject: `Your appointment on ${when} is booked`, news: `your ${at} on ${when} is booked.`, contact: change },
        reminder: { subject: `Reminder: ${a.service_name} on ${when}`, news: `this is a reminder of your ${at} on ${when}.`, contact: change },
        reschedule: { subject: `Your appointment has moved to ${when}`, news: `your ${at} is now on ${when}.`, contact: change },
        cancellation: { subject: `Your appointment on ${when} is cancelled`, news: `your ${at} on ${when} has been cancelled.`, contact: change },
        confirmation: { subject: `Your appointment on ${when} is confirmed`, news: `your ${at} on ${when} is confirmed. We look forward to seeing you.`, contact: change },
        no_show: {
          subject: `We missed you on ${when}`,
          news: `we missed you at your ${at} on ${when}.`,
          contact: phone ? `Call us on ${phone} to book a new time.` : 'Contact us to book a new time.',
        },
      };
      const { subject, news, contact } = words[kind];
      const email = patientEmail(subject, {
        locale: a.locale,
        firstName: a.first_name,
        news,
        contact,
        serviceName: a.service_name,
        when,
        clinicName: a.clinic_name,
        locationName: a.location_name,
        address: a.location_address,
        manageUrl,
      });
      messages.push({ kind, channel: 'email', recipient: a.email, subject, body: email.text, html: email.html, sendAfter });
      // SMS stays one line of plain text (the manage link at its end).
      if (a.phone && !EMAIL_ONLY.includes(kind)) {
        const line = noticeLine(a.first_name, news, contact);
        messages.push({ kind, channel: 'sms', recipient: a.phone, subject, body: manageUrl ? `${line} Manage it: ${manageUrl}` : line, html: null, sendAfter });
      }
    }
    if (messages.length === 0) return;
    const inserted = await insertMessages(manager, { organizationId: a.organization_id, id: a.id, startsAt: a.starts_at }, messages);
    const db = await transactionExecutor(manager);
    for (const row of inserted) {
      await this.boss.send(OUTBOUND_MESSAGE_QUEUE, { messageId: row.id }, { startAfter: row.send_after, singletonKey: `${row.id}:${row.send_after.toISOString()}`, db });
    }
  }
}

/** The outbox's sort key: the send time to the microsecond, then the message id. */
const OUTBOX_KEY: readonly KeysetPart[] = ['instant', 'uuid'];

function toDto(r: Record<string, unknown>): OutboundMessageDto {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  return {
    id: r.id as string,
    appointmentId: (r.appointment_id as string | null) ?? null,
    waitlistOfferId: (r.waitlist_offer_id as string | null) ?? null,
    patientName: r.patient_name as string,
    kind: r.kind as string,
    channel: r.channel as string,
    recipient: (r.recipient as string | null) ?? null,
    subject: r.subject as string,
    body: r.body as string,
    status: r.status as string,
    sendAfter: iso(r.send_after) as string,
    sentAt: iso(r.sent_at),
    attempts: r.attempts as number,
    error: (r.error as string | null) ?? null,
  };
}
