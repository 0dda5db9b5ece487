import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { brandColorProblem, DEFAULT_ONLINE_BOOKING_SETTINGS, type OnlineBookingSettings } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { RequestValidationError } from '../common/problems/validation';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { OrganizationSettingsService } from '../settings/organization-settings.service';
import type { OnlineBookingSettingsDto, OnlineBookingSettingsViewDto } from './online-booking-settings.dto';
import { publicBookingUrl } from './manage-link';
import { unknownStaffIds } from './online-booking.queries';

/** The stored settings over the defaults (a key saved before a field existed still reads whole). */
export function effectiveOnlineBookingSettings(stored: Partial<OnlineBookingSettings> | null | undefined): OnlineBookingSettings {
  return { ...DEFAULT_ONLINE_BOOKING_SETTINGS, excludedPractitionerIds: [], ...(stored ?? {}) };
}

/**
 * The clinic's online-booking settings (settings key `onlineBooking`, audited by the settings module on each change):
 * off until turned on, the online window, the policy the patient accepts, the practitioners kept off the booking page.
 */
@Injectable()
export class OnlineBookingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor): Promise<OnlineBookingSettingsViewDto> {
    const stored = await this.settings.read(this.dataSource.manager, actor.organizationId, 'onlineBooking');
    return this.view(actor, stored);
  }

  async replace(actor: Actor, input: OnlineBookingSettingsDto): Promise<OnlineBookingSettingsViewDto> {
    // Only the clinic's own staff can be excluded: an id from elsewhere (or a typo) is refused, not stored.
    const unknown = await unknownStaffIds(this.dataSource.manager, actor.organizationId, input.excludedPractitionerIds);
    if (unknown.length > 0) {
      throw new RequestValidationError([{ field: 'excludedPractitionerIds', message: `not staff of this clinic: ${unknown.join(', ')}` }]);
    }
    const brandColor = input.brandColor ? input.brandColor.toLowerCase() : null;
    const colorProblem = brandColor ? brandColorProblem(brandColor) : null;
    if (colorProblem) throw new RequestValidationError([{ field: 'brandColor', message: `brandColor ${colorProblem}` }]);
    const value: OnlineBookingSettings = {
      enabled: input.enabled,
      minimumNoticeHours: input.minimumNoticeHours,
      maximumDaysAhead: input.maximumDaysAhead,
      cancellationWindowHours: input.cancellationWindowHours,
      policyText: input.policyText.trim(),
      excludedPractitionerIds: [...input.excludedPractitionerIds].sort(),
      brandColor,
    };
    await this.settings.replace(actor, 'onlineBooking', value);
    return this.view(actor, value);
  }

  private async view(actor: Actor, stored: OnlineBookingSettings | null): Promise<OnlineBookingSettingsViewDto> {
    const organization = await this.organizations.get(actor);
    const slug = organization.publicBookingSlug;
    return { ...effectiveOnlineBookingSettings(stored), customized: stored !== null, publicBookingSlug: slug, publicBookingUrl: publicBookingUrl(this.config.publicUrl, slug) };
  }
}
