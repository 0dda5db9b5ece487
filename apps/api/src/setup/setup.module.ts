import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffModule } from '../staff/staff.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({ imports: [ConsentsModule, OrganizationsModule, StaffModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
