import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationSettingsService } from '../settings/organization-settings.service';
import type { ReminderSettingsDto } from './reminder-settings.dto';

/**
 * How long before an appointment its reminder goes: the organization's setting `reminderHoursBefore`, else the
 * server's REMINDER_HOURS_BEFORE. A change applies to reminders scheduled from then on (bookings and reschedules).
 */
@Injectable()
export class ReminderSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor): Promise<ReminderSettingsDto> {
    return this.toDto(await this.settings.read(this.dataSource.manager, actor.organizationId, 'reminderHoursBefore'));
  }

  async replace(actor: Actor, hoursBefore: number): Promise<ReminderSettingsDto> {
    await this.settings.replace(actor, 'reminderHoursBefore', hoursBefore);
    return this.toDto(hoursBefore);
  }

  private toDto(hours: number | null): ReminderSettingsDto {
    return { hoursBefore: hours ?? this.config.reminderHoursBefore, customized: hours !== null, emailDelivery: Boolean(this.config.smtpUrl) };
  }
}
