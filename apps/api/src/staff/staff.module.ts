import { Module } from '@nestjs/common';
import { StaffController } from './staff.controller';
import { StaffManagementService } from './staff-management.service';

@Module({ controllers: [StaffController], providers: [StaffManagementService] })
export class StaffModule {}
