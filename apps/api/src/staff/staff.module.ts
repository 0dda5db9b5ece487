import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffManagementService } from './staff-management.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/**
 * Staff accounts and practitioner credentials. Other modules read accounts through StaffService; the sign-in feature
 * provides STAFF_ACCOUNT_SECURITY (sessions, two-step sign-in) to the staff screens.
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [StaffController],
  providers: [StaffService, StaffManagementService],
  exports: [StaffService],
})
export class StaffModule {}
