import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { MessagingModule } from '../messaging/messaging.module';
import { PatientsModule } from '../patients/patients.module';
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
import { CatalogService } from './catalog.service';
import { CheckInService } from './check-in.service';
import { PatientAppointmentsController } from './patient-appointments.controller';
import { RoomsController } from './rooms.controller';
import { ServicesController } from './services.controller';
import { TreatmentPlansController } from './treatment-plans.controller';
import { TreatmentPlansService } from './treatment-plans.service';
import { WorkingHoursController } from './working-hours.controller';
import { WorkingHoursService } from './working-hours.service';

/**
 * Scheduling: services, rooms, working hours, appointments (double booking refused by the database), availability,
 * treatment courses, check-in and calendar feeds. Reminders live in MessagingModule.
 */
@Module({
  imports: [PatientsModule, MessagingModule, ConsentsModule],
  controllers: [ServicesController, RoomsController, WorkingHoursController, AppointmentsController, AvailabilityController, TreatmentPlansController, CalendarFeedsController, PatientAppointmentsController, CalendarViewController],
  providers: [
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
  ],
  exports: [AppointmentsService, AvailabilityService],
})
export class SchedulingModule {}
