import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SettingsModule } from '../settings/settings.module';
import { OnlineBookingSettingsController } from './online-booking-settings.controller';
import { OnlineBookingSettingsService } from './online-booking-settings.service';
import { PublicBookingController } from './public-booking.controller';
import { PublicBookingService } from './public-booking.service';

/**
 * Online booking (issue 16), first slice: the clinic's settings and the public, session-less reads a booking page
 * needs (what is offered; free starts). It owns no tables: the clinic comes from organizations' slug resolver, the
 * offer from views scheduling and staff publish, free starts from scheduling's availability engine. Holds,
 * confirmation, manage links and forms come in later slices.
 */
@Module({
  imports: [OrganizationsModule, SettingsModule, SchedulingModule],
  controllers: [OnlineBookingSettingsController, PublicBookingController],
  providers: [OnlineBookingSettingsService, PublicBookingService],
})
export class OnlineBookingModule {}
