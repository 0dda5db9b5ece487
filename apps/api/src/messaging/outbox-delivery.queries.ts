import type { DataSource, EntityManager } from 'typeorm';

export interface ClaimedMessage {
  id: string;
  kind: string;
  appointment_id: string | null;
  channel: 'email' | 'sms';
  recipient: string | null;
  subject: string;
  body: string;
  html_body: string | null;
  attempts: number;
}

/**
 * Claims a due pending row for this worker in one UPDATE … WHERE status = 'pending' RETURNING: of any number of
 * workers trying the same row, exactly one gets it (the others wait on its row lock, then see it is no longer pending).
 */
export async function claimMessage(manager: EntityManager, messageId: string, workerId: string): Promise<ClaimedMessage | undefined> {
  const [claimed]: [ClaimedMessage[]] = await manager.query(
    `UPDATE outbound_messages SET status = 'sending', claimed_by = $2, claimed_at = now(), attempts = attempts + 1, updated_at = now()
     WHERE id = $1 AND status = 'pending' AND send_after <= now()
     RETURNING id, kind, appointment_id, channel, recipient, subject, body, html_body, attempts`,
    [messageId, workerId],
  );
  return claimed[0];
}

/** Not accepted by the transport: back to pending for another attempt, with the transport's words. */
export async function returnToPending(manager: EntityManager, messageId: string, error: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'pending', error = $2, updated_at = now() WHERE id = $1`, [messageId, error.slice(0, 2000)]);
}

export async function markSent(manager: EntityManager, messageId: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'sent', sent_at = now(), error = NULL, updated_at = now() WHERE id = $1`, [messageId]);
}

/** The end of a message that was not sent: left for a person (outbox_only) or given up (failed). */
export async function markUnsent(manager: EntityManager, messageId: string, status: 'outbox_only' | 'failed', error: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = $2, error = $3, updated_at = now() WHERE id = $1`, [messageId, status, error.slice(0, 2000)]);
}

/** Every organization's due rows, ids and organizations only (SECURITY DEFINER: the worker has no tenant yet). */
export async function dueMessages(dataSource: DataSource, limit: number): Promise<{ id: string; organization_id: string }[]> {
  return dataSource.query(`SELECT * FROM outbox_due_messages($1)`, [limit]);
}

/** The organization of a row a job names (SECURITY DEFINER), or undefined for an unknown row. */
export async function messageOrganization(dataSource: DataSource, messageId: string): Promise<string | undefined> {
  const [row]: { organization_id: string | null }[] = await dataSource.query(`SELECT outbox_message_organization($1) AS organization_id`, [messageId]);
  return row?.organization_id ?? undefined;
}

/** An appointment as the patient's calendar shows it, when its e-mail goes out (scheduling's published view). */
export interface AppointmentForCalendar {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  calendar_sequence: number;
  calendar_changed_at: Date;
  service_name: string;
  first_name: string;
  location_name: string;
  location_address: string;
  clinic_name: string;
}

export async function appointmentForCalendar(manager: EntityManager, appointmentId: string): Promise<AppointmentForCalendar | undefined> {
  const [row]: AppointmentForCalendar[] = await manager.query(
    `SELECT a.id, a.starts_at, a.ends_at, a.status, a.calendar_sequence, a.calendar_changed_at, a.service_name, p.first_name,
            l.name AS location_name, l.address AS location_address, o.name AS clinic_name
     FROM appointment_reminder_details a JOIN patient_directory p ON p.id = a.patient_id
     JOIN location_directory l ON l.id = a.location_id JOIN organization_directory o ON o.id = a.organization_id
     WHERE a.id = $1`,
    [appointmentId],
  );
  return row;
}
