import { COUNT_CAP } from '../common/pagination/capped-count';
import type { ClinicLocale } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** What a reminder or notice says about its appointment, from views scheduling, patients and organizations publish. */
export interface AppointmentForMessage {
  id: string;
  organization_id: string;
  starts_at: Date;
  first_name: string;
  email: string | null;
  phone: string | null;
  service_name: string;
  location_name: string;
  location_address: string;
  location_phone: string;
  location_country: string;
  timezone: string;
  clinic_name: string;
  locale: ClinicLocale;
  reminder_hours: number | null;
}

export async function appointmentForMessage(manager: EntityManager, appointmentId: string): Promise<AppointmentForMessage | undefined> {
  const [row]: AppointmentForMessage[] = await manager.query(
    `SELECT a.id, a.organization_id, a.starts_at, p.first_name, p.email, p.phone, a.service_name, l.name AS location_name, l.address AS location_address,
            l.phone AS location_phone, l.country_code AS location_country, l.timezone, o.name AS clinic_name, o.locale, r.reminder_hours_before AS reminder_hours
     FROM appointment_reminder_details a JOIN patient_directory p ON p.id = a.patient_id
     JOIN location_directory l ON l.id = a.location_id JOIN organization_reminder_settings r ON r.organization_id = a.organization_id
     JOIN organization_directory o ON o.id = a.organization_id
     WHERE a.id = $1`,
    [appointmentId],
  );
  return row;
}

/**
 * A reschedule: every unsent reminder or notice may now name the wrong time, place or service, so each is set aside
 * ('obsolete'); writing the messages for the current start brings back (with today's text) the ones still due. An
 * unsent booking or confirmation notice goes too: the reschedule notice tells the new time.
 */
export async function setAsideUnsentForReschedule(manager: EntityManager, appointmentId: string): Promise<void> {
  await manager.query(
    `UPDATE outbound_messages SET status = 'obsolete', updated_at = now()
     WHERE appointment_id = $1 AND status = 'pending' AND kind IN ('booked', 'confirmation', 'reminder', 'reschedule')`,
    [appointmentId],
  );
}

/** Unsent messages of one kind of the appointment are set aside (a newer one of that kind replaces them). */
export async function setAsideUnsentOfKind(manager: EntityManager, appointmentId: string, kind: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'obsolete', updated_at = now() WHERE appointment_id = $1 AND status = 'pending' AND kind = $2`, [
    appointmentId,
    kind,
  ]);
}

/** A cancellation: every unsent message but the cancellation notice itself is set aside. */
export async function setAsideUnsentForCancellation(manager: EntityManager, appointmentId: string): Promise<void> {
  await manager.query(
    `UPDATE outbound_messages SET status = 'obsolete', updated_at = now() WHERE appointment_id = $1 AND status = 'pending' AND kind <> 'cancellation'`,
    [appointmentId],
  );
}

/** Every unsent message of the appointment but those of one kind is set aside (a no-show keeps only its notice). */
export async function setAsideUnsentExcept(manager: EntityManager, appointmentId: string, kind: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'obsolete', updated_at = now() WHERE appointment_id = $1 AND status = 'pending' AND kind <> $2`, [
    appointmentId,
    kind,
  ]);
}

/** What a waitlist offer's message says, from scheduling's published offer view and the directories. */
export interface OfferForMessage {
  id: string;
  organization_id: string;
  starts_at: Date;
  first_name: string;
  email: string | null;
  service_name: string;
  practitioner_name: string;
  location_name: string;
  location_address: string;
  location_phone: string | null;
  location_country: string;
  timezone: string;
  clinic_name: string;
  locale: ClinicLocale;
}

export async function offerForMessage(manager: EntityManager, offerId: string): Promise<OfferForMessage | undefined> {
  const [row]: OfferForMessage[] = await manager.query(
    `SELECT o.id, o.organization_id, o.starts_at, p.first_name, p.email, o.service_name, st.name AS practitioner_name,
            l.name AS location_name, l.address AS location_address, l.phone AS location_phone, l.country_code AS location_country, l.timezone,
            c.name AS clinic_name, c.locale
     FROM waitlist_offer_details o JOIN patient_directory p ON p.id = o.patient_id
     JOIN location_directory l ON l.id = o.location_id JOIN staff_directory st ON st.id = o.practitioner_id
     JOIN organization_directory c ON c.id = o.organization_id
     WHERE o.id = $1`,
    [offerId],
  );
  return row;
}

/** The offer's e-mail, once (a retried offer writes nothing new). Returns the row to queue. */
export async function insertOfferMessage(
  manager: EntityManager,
  m: { organizationId: string; offerId: string; startsAt: Date; recipient: string | null; subject: string; body: string; html: string },
): Promise<{ id: string; send_after: Date }[]> {
  return manager.query(
    `INSERT INTO outbound_messages (organization_id, waitlist_offer_id, kind, channel, recipient, subject, body, html_body, appointment_starts_at, send_after)
     VALUES ($1, $2, 'waitlist_offer', 'email', $3, $4, $5, $6, $7, now())
     ON CONFLICT ON CONSTRAINT outbound_messages_offer_once DO NOTHING
     RETURNING id, send_after`,
    [m.organizationId, m.offerId, m.recipient, m.subject, m.body, m.html, m.startsAt],
  );
}

export interface NewMessage {
  kind: string;
  channel: 'email' | 'sms';
  recipient: string | null;
  subject: string;
  /** Plain text: the SMS, or the e-mail's text part. */
  body: string;
  /** The e-mail's HTML part (null for SMS). */
  html: string | null;
  sendAfter: Date;
}

/**
 * Writes the messages of one appointment start; one already there (same appointment, kind, channel and start) is
 * left alone unless it was set aside, in which case it comes back with today's text. Returns the rows to queue.
 */
export async function insertMessages(
  manager: EntityManager,
  appointment: { organizationId: string; id: string; startsAt: Date },
  messages: readonly NewMessage[],
): Promise<{ id: string; send_after: Date }[]> {
  return manager.query(
    `INSERT INTO outbound_messages (organization_id, appointment_id, kind, channel, recipient, subject, body, html_body, appointment_starts_at, send_after)
     SELECT $1, $2, r.kind, r.channel, r.recipient, r.subject, r.body, r.html_body, $3, r.send_after
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[]) AS r(kind, channel, recipient, subject, body, html_body, send_after)
     ON CONFLICT ON CONSTRAINT outbound_messages_once DO UPDATE SET status = 'pending', send_after = EXCLUDED.send_after, recipient = EXCLUDED.recipient,
       subject = EXCLUDED.subject, body = EXCLUDED.body, html_body = EXCLUDED.html_body, updated_at = now()
       WHERE outbound_messages.status = 'obsolete'
     RETURNING id, send_after`,
    [
      appointment.organizationId,
      appointment.id,
      appointment.startsAt,
      messages.map((m) => m.kind),
      messages.map((m) => m.channel),
      messages.map((m) => m.recipient),
      messages.map((m) => m.subject),
      messages.map((m) => m.body),
      messages.map((m) => m.html),
      messages.map((m) => m.sendAfter),
    ],
  );
}

/**
 * One keyset page of the organization's outbox, newest send time first (send_after DESC, id DESC), `limit` rows after
 * the cursor's key, with the patient's name; served in order by outbound_messages_page_idx (or, for one status,
 * outbound_messages_status_page_idx). The first page also counts the matching messages up to the cap, in the same
 * statement.
 */
export async function messagePage(
  manager: EntityManager,
  organizationId: string,
  status: string | null,
  after: readonly (string | number | null)[] | null,
  limit: number,
): Promise<(Record<string, unknown> & { cursor_send_after: string; capped_total: string | null })[]> {
  const params: unknown[] = [organizationId, limit];
  const conditions = ['o.organization_id = $1'];
  if (status !== null) {
    params.push(status);
    conditions.push(`o.status = $${params.length}`);
  }
  const count =
    after === null ? `(SELECT count(*) FROM (SELECT 1 FROM outbound_messages o WHERE ${conditions.join(' AND ')} LIMIT ${COUNT_CAP + 1}) capped)` : 'NULL::bigint';
  if (after !== null) {
    params.push(after[0], after[1]);
    conditions.push(`(o.send_after, o.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  return manager.query(
    `SELECT page.*, coalesce(p.first_name || ' ' || p.last_name, '') AS patient_name, ${count} AS capped_total
       FROM (
         SELECT o.*, to_char(o.send_after AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_send_after
           FROM outbound_messages o
          WHERE ${conditions.join(' AND ')}
          ORDER BY o.send_after DESC, o.id DESC
          LIMIT $2
       ) page
       LEFT JOIN appointment_patients a ON a.id = page.appointment_id
       LEFT JOIN waitlist_offer_details w ON w.id = page.waitlist_offer_id
       LEFT JOIN patient_directory p ON p.id = COALESCE(a.patient_id, w.patient_id)
      ORDER BY page.send_after DESC, page.id DESC`,
    params,
  );
}
