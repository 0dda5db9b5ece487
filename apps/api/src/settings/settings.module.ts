import { Module } from '@nestjs/common';
import { ScreeningSettingsController } from './screening-settings.controller';
import { ScreeningSettingsService } from './screening-settings.service';
import { SecuritySettingsController } from './security-settings.controller';
import { SecuritySettingsService } from './security-settings.service';

/** Clinic-wide settings: clinical screening windows and severities, sign-in security. */
@Module({
  controllers: [ScreeningSettingsController, SecuritySettingsController],
  providers: [ScreeningSettingsService, SecuritySettingsService],
  exports: [ScreeningSettingsService],
})
export class SettingsModule {}
