import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_LATE_CANCELLATION_HOURS } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { OrganizationSettingsService } from '../settings/organization-settings.service';
import type { CancellationSettingsDto } from './cancellation-settings.dto';

/**
 * The clinic's late-cancellation window (setting `lateCancellationHours`, default 24): a patient's cancellation
 * inside it is recorded as late on the appointment. A change applies to cancellations from then on.
 */
@Injectable()
export class CancellationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async get(actor: Actor): Promise<CancellationSettingsDto> {
    return toDto(await this.settings.read(this.dataSource.manager, actor.organizationId, 'lateCancellationHours'));
  }

  /** The window in hours, read in the caller's transaction (a cancellation). */
  async windowHours(manager: EntityManager, organizationId: string): Promise<number> {
    return (await this.settings.read(manager, organizationId, 'lateCancellationHours')) ?? DEFAULT_LATE_CANCELLATION_HOURS;
  }

  async replace(actor: Actor, hours: number): Promise<CancellationSettingsDto> {
    await this.settings.replace(actor, 'lateCancellationHours', hours);
    return toDto(hours);
  }
}

function toDto(hours: number | null): CancellationSettingsDto {
  return { lateCancellationHours: hours ?? DEFAULT_LATE_CANCELLATION_HOURS, customized: hours !== null };
}
