import { Module } from '@nestjs/common';
import { ScreeningSettingsController } from './screening-settings.controller';
import { ScreeningSettingsService } from './screening-settings.service';

/** Clinic-wide clinical settings (screening windows and severities). */
@Module({ controllers: [ScreeningSettingsController], providers: [ScreeningSettingsService], exports: [ScreeningSettingsService] })
export class SettingsModule {}
