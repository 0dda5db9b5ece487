import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationSettingsService } from './organization-settings.service';
import { ScreeningSettingsController } from './screening-settings.controller';
import { ScreeningSettingsService } from './screening-settings.service';
import { SecuritySettingsController } from './security-settings.controller';
import { SecuritySettingsService } from './security-settings.service';

/**
 * Clinic-wide settings. OrganizationSettingsService is the typed way to every key (screening, treatment, reminder
 * lead time, security) for whichever module uses one; screening and sign-in security are edited here.
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [ScreeningSettingsController, SecuritySettingsController],
  providers: [OrganizationSettingsService, ScreeningSettingsService, SecuritySettingsService],
  exports: [OrganizationSettingsService, ScreeningSettingsService],
})
export class SettingsModule {}
