import { Module } from '@nestjs/common';
import { ManageLinkRenewalProvider } from './manage-link-renewal.provider';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MessagingModule } from '../messaging/messaging.module';
import { PatientsModule } from '../patients/patients.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SettingsModule } from '../settings/settings.module';
import { OnlineBookingSettingsController } from './online-booking-settings.controller';
import { OnlineBookingSettingsService } from './online-booking-settings.service';
import { ManageLinkLimiter } from './manage-link-limiter';
import { PublicAppointmentsController } from './public-appointments.controller';
import { PublicAppointmentsService } from './public-appointments.service';
import { PublicBookingController } from './public-booking.controller';
import { PublicBookingService } from './public-booking.service';
import { PublicHoldsService } from './public-holds.service';
import { PreVisitFormsController } from './pre-visit-forms.controller';
import { PreVisitFormsService } from './pre-visit-forms.service';
import { SendFormsController } from './send-forms.controller';
import { SendFormsService } from './send-forms.service';
import { ConsentsModule } from '../consents/consents.module';

/**
 * Online booking (issue 16): the clinic's settings, the public, session-less reads a booking page needs (what is
 * offered; free starts), and holds with their e-mailed code and confirmation. The clinic comes from organizations'
 * slug resolver, the offer from views scheduling and staff publish, free starts and held slots from scheduling, the
 * patient from patients, e-mails from the outbox. It owns the holds' details (online_booking_holds) and the manage
 * links' hashed keys (online_booking_manage_tokens), and the manage link's routes (see, confirm, cancel, move), whose
 * changes go through scheduling's services; and the pre-visit forms through the link (questionnaire, remote consent
 * signing) and staff's "send forms", through patients' and consents' services.
 */
@Module({
  imports: [OrganizationsModule, SettingsModule, SchedulingModule, PatientsModule, MessagingModule, ConsentsModule],
  controllers: [OnlineBookingSettingsController, PublicBookingController, PublicAppointmentsController, PreVisitFormsController, SendFormsController],
  providers: [
    ManageLinkRenewalProvider,
    OnlineBookingSettingsService,
    PublicBookingService,
    PublicHoldsService,
    PublicAppointmentsService,
    ManageLinkLimiter,
    PreVisitFormsService,
    SendFormsService,
  ],
})
export class OnlineBookingModule {}
