import { Module } from '@nestjs/common';
import { OrganizationSettingsStore } from './organization-settings.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

/**
 * The organization and its locations. OrganizationsService is what other modules use (locations in their
 * transaction, the first run); the settings column's raw store is for the settings module only.
 */
@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationSettingsStore],
  exports: [OrganizationsService, OrganizationSettingsStore],
})
export class OrganizationsModule {}
