import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { readOrganizationSetting, writeOrganizationSetting } from '../organizations/organization-settings';
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
    return this.toDto(await readOrganizationSetting<number>(this.dataSource.manager, actor.organizationId, 'reminderHoursBefore'));
  }

  async replace(actor: Actor, hoursBefore: number): Promise<ReminderSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await readOrganizationSetting<number>(manager, actor.organizationId, 'reminderHoursBefore', true);
      await writeOrganizationSetting(manager, actor.organizationId, 'reminderHoursBefore', hoursBefore);
      if (before !== hoursBefore) {
        await this.audit.record(manager, actor, {
          action: 'settings.reminders_updated',
          entityType: 'organization',
          entityId: actor.organizationId,
          changes: { reminderHoursBefore: { from: before ?? this.config.reminderHoursBefore, to: hoursBefore } },
        });
      }
      return this.toDto(hoursBefore);
    });
  }

  private toDto(hours: number | null): ReminderSettingsDto {
    return { hoursBefore: hours ?? this.config.reminderHoursBefore, customized: hours !== null, emailDelivery: Boolean(this.config.smtpUrl) };
  }
}
