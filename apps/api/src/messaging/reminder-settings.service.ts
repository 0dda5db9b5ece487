import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { ReminderSettingsDto } from './reminder-settings.dto';

/**
 * How long before an appointment its reminder goes: the organization's `settings.reminderHoursBefore`, else the
 * server's REMINDER_HOURS_BEFORE. A change applies to reminders scheduled from then on (bookings and reschedules).
 */
@Injectable()
export class ReminderSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor): Promise<ReminderSettingsDto> {
    const [row]: { hours: number | null }[] = await this.dataSource.query(`SELECT (settings->>'reminderHoursBefore')::int AS hours FROM organizations WHERE id = $1`, [
      actor.organizationId,
    ]);
    return this.toDto(row?.hours ?? null);
  }

  async replace(actor: Actor, hoursBefore: number): Promise<ReminderSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { hours: number | null }[] = await manager.query(
        `SELECT (settings->>'reminderHoursBefore')::int AS hours FROM organizations WHERE id = $1 FOR UPDATE`,
        [actor.organizationId],
      );
      await manager.query(
        `UPDATE organizations SET settings = jsonb_set(settings, '{reminderHoursBefore}', to_jsonb($2::int), true), updated_at = now() WHERE id = $1`,
        [actor.organizationId, hoursBefore],
      );
      if (row?.hours !== hoursBefore) {
        await this.audit.record(manager, actor, {
          action: 'settings.reminders_updated',
          entityType: 'organization',
          entityId: actor.organizationId,
          changes: { reminderHoursBefore: { from: row?.hours ?? this.config.reminderHoursBefore, to: hoursBefore } },
        });
      }
      return this.toDto(hoursBefore);
    });
  }

  private toDto(hours: number | null): ReminderSettingsDto {
    return { hoursBefore: hours ?? this.config.reminderHoursBefore, customized: hours !== null, emailDelivery: Boolean(this.config.smtpUrl) };
  }
}
