import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatLocalDateTime } from '@skinledger/domain';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_QUEUE_SCHEMA, OUTBOUND_MESSAGE_QUEUE } from '../database/migrations/1796000000001-CreateJobQueue';
import type { OutboundMessageDto, OutboundMessageListDto, OutboundMessageQueryDto } from './outbox.dto';
import { poolExecutor, transactionExecutor } from './queue-db';

type Kind = 'reminder' | 'cancellation' | 'reschedule';

interface AppointmentForMessage {
  id: string;
  organization_id: string;
  starts_at: Date;
  first_name: string;
  email: string | null;
  phone: string | null;
  service_name: string;
  location_name: string;
  location_phone: string;
  timezone: string;
  reminder_hours: number | null;
}

/**
 * Writes reminders and notices into the outbox in the caller's transaction (with their pg-boss job), so a message
 * exists exactly when its booking, reschedule or cancellation committed. One row per (appointment, kind, channel,
 * appointment start): writing it again is a no-op. Messages carry the patient's first name, the service, the
 * location and the time in the location's zone — nothing clinical.
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

  async appointmentBooked(manager: EntityManager, appointmentId: string): Promise<void> {
    await this.write(manager, appointmentId, ['reminder']);
  }

  /** The old reminders are obsolete; a reminder for the new time and a notice of the change. */
  async appointmentRescheduled(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.query(
      // Every unsent reminder or notice may now name the wrong time, place or service: each is set aside, and the
      // write below brings back (with today's text) the ones still due for the appointment's current start.
      `UPDATE outbound_messages SET status = 'obsolete', updated_at = now()
       WHERE appointment_id = $1 AND status = 'pending' AND kind IN ('reminder', 'reschedule')`,
      [appointmentId],
    );
    await this.write(manager, appointmentId, ['reminder', 'reschedule']);
  }

  async appointmentCancelled(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.query(`UPDATE outbound_messages SET status = 'obsolete', updated_at = now() WHERE appointment_id = $1 AND status = 'pending' AND kind <> 'cancellation'`, [
      appointmentId,
    ]);
    await this.write(manager, appointmentId, ['cancellation']);
  }

  async list(actor: Actor, query: OutboundMessageQueryDto): Promise<OutboundMessageListDto> {
    const params = [actor.organizationId, query.status ?? null, query.pageSize, (query.page - 1) * query.pageSize];
    const rows = await this.dataSource.query(
      `SELECT o.*, p.first_name || ' ' || p.last_name AS patient_name, count(*) OVER () AS total
       FROM outbound_messages o JOIN appointments a ON a.id = o.appointment_id JOIN patients p ON p.id = a.patient_id
       WHERE o.organization_id = $1 AND ($2::text IS NULL OR o.status = $2)
       ORDER BY o.send_after DESC, o.id LIMIT $3 OFFSET $4`,
      params,
    );
    return { items: rows.map(toDto), total: rows.length ? Number(rows[0].total) : 0, page: query.page, pageSize: query.pageSize };
  }

  private async write(manager: EntityManager, appointmentId: string, kinds: Kind[]): Promise<void> {
    const [a]: AppointmentForMessage[] = await manager.query(
      `SELECT a.id, a.organization_id, a.starts_at, p.first_name, p.email, p.phone, s.name AS service_name, l.name AS location_name,
              l.phone AS location_phone, l.timezone, (o.settings->>'reminderHoursBefore')::int AS reminder_hours
       FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN services s ON s.id = a.service_id
       JOIN locations l ON l.id = a.location_id JOIN organizations o ON o.id = a.organization_id
       WHERE a.id = $1`,
      [appointmentId],
    );
    const now = Date.now();
    const hours = a.reminder_hours ?? this.config.reminderHoursBefore;
    const when = formatLocalDateTime(a.starts_at, a.timezone);
    const contact = a.location_phone ? ` Call ${a.location_phone} to change it.` : '';
    const rows: unknown[][] = [];
    for (const kind of kinds) {
      let sendAfter = new Date(now);
      if (kind === 'reminder') {
        if (a.starts_at.getTime() <= now) continue;
        sendAfter = new Date(Math.max(now, a.starts_at.getTime() - hours * 3_600_000));
      }
      const text = {
        reminder: { subject: `Reminder: ${a.service_name} on ${when}`, body: `Hello ${a.first_name}, this is a reminder of your ${a.service_name} at ${a.location_name} on ${when}.${contact}` },
        reschedule: { subject: `Your appointment has moved to ${when}`, body: `Hello ${a.first_name}, your ${a.service_name} at ${a.location_name} is now on ${when}.${contact}` },
        cancellation: { subject: `Your appointment on ${when} is cancelled`, body: `Hello ${a.first_name}, your ${a.service_name} at ${a.location_name} on ${when} has been cancelled.${contact}` },
      }[kind];
      const channels: ['email' | 'sms', string | null][] = [['email', a.email]];
      if (a.phone) channels.push(['sms', a.phone]);
      for (const [channel, recipient] of channels) rows.push([kind, channel, recipient, text.subject, text.body, sendAfter]);
    }
    if (rows.length === 0) return;
    const inserted: { id: string; send_after: Date }[] = await manager.query(
      `INSERT INTO outbound_messages (organization_id, appointment_id, kind, channel, recipient, subject, body, appointment_starts_at, send_after)
       SELECT $1, $2, r.kind, r.channel, r.recipient, r.subject, r.body, $3, r.send_after
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[]) AS r(kind, channel, recipient, subject, body, send_after)
       ON CONFLICT ON CONSTRAINT outbound_messages_once DO UPDATE SET status = 'pending', send_after = EXCLUDED.send_after, recipient = EXCLUDED.recipient,
         subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()
         WHERE outbound_messages.status = 'obsolete'
       RETURNING id, send_after`,
      [a.organization_id, a.id, a.starts_at, ...[0, 1, 2, 3, 4, 5].map((i) => rows.map((r) => r[i]))],
    );
    const db = await transactionExecutor(manager);
    for (const row of inserted) {
      await this.boss.send(OUTBOUND_MESSAGE_QUEUE, { messageId: row.id }, { startAfter: row.send_after, singletonKey: `${row.id}:${row.send_after.toISOString()}`, db });
    }
  }
}

function toDto(r: Record<string, unknown>): OutboundMessageDto {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  return {
    id: r.id as string,
    appointmentId: r.appointment_id as string,
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
