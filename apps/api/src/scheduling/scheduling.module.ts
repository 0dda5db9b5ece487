import { SchedulingRecordHolder } from './scheduling.record-holder';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsentsModule } from '../consents/consents.module';
import { MessagingModule } from '../messaging/messaging.module';
import { PatientsModule } from '../patients/patients.module';
import { SettingsModule } from '../settings/settings.module';
import { AppointmentBooking } from './appointment-booking';
import { AppointmentTimeline } from './appointment.timeline';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarViewController } from './calendar-view.controller';
import { CalendarViewService } from './calendar-view.service';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CancellationSettingsController } from './cancellation-settings.controller';
import { CancellationSettingsService } from './cancellation-settings.service';
import { CatalogService } from './catalog.service';
import { CheckInService } from './check-in.service';
import { PatientAppointmentsController } from './patient-appointments.controller';
import { RoomsController } from './rooms.controller';
import { SlotHoldsService } from './slot-holds.service';
import { ServicesController } from './services.controller';
import { TreatmentPlansController } from './treatment-plans.controller';
import { TreatmentPlansService } from './treatment-plans.service';
import { WorkingHoursController } from './working-hours.controller';
import { WaitlistController } from './waitlist.controller';
import { WaitlistService } from './waitlist.service';
import { WorkingHoursService } from './working-hours.service';

/**
 * Scheduling: services, rooms, working hours, appointments (double booking refused by the database), availability,
 * treatment courses, check-in, calendar feeds, the late-cancellation window and the waitlist. Reminders and notices
 * live in MessagingModule.
 */
@Module({
  imports: [DiscoveryModule, PatientsModule, MessagingModule, ConsentsModule, SettingsModule],
  controllers: [ServicesController, RoomsController, WorkingHoursController, AppointmentsController, AvailabilityController, TreatmentPlansController, CalendarFeedsController, PatientAppointmentsController, CalendarViewController, CancellationSettingsController, WaitlistController],
  providers: [
    SchedulingRecordHolder,
    CatalogService,
    WorkingHoursService,
    AppointmentBooking,
    AppointmentsService,
    AvailabilityService,
    TreatmentPlansService,
    CheckInService,
    CalendarFeedsService,
    CalendarViewService,
    AppointmentTimeline,
    CancellationSettingsService,
    WaitlistService,
    SlotHoldsService,
  ],
  exports: [AppointmentsService, AvailabilityService, SlotHoldsService],
})
export class SchedulingModule {}
