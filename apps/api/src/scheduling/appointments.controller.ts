import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { AppointmentDto, AppointmentListQueryDto, CancelAppointmentDto, CheckInDto, CreateAppointmentDto, UpdateAppointmentDto } from './appointments.dto';
import { AppointmentsService } from './appointments.service';
import { CheckInService } from './check-in.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('scheduling')
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly checkIns: CheckInService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List appointments in a time range or of a patient' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: [AppointmentDto] })
  list(@CurrentActor() actor: Actor, @Query() query: AppointmentListQueryDto): Promise<AppointmentDto[]> {
    return this.appointments.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Book an appointment' })
  @Idempotent()
  @RequirePermission('schedule.book')
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiUnprocessableEntityResponse({ description: 'Booking rules broken: violations lists every one with its code' })
  @ApiConflictResponse({ description: 'Double booking: the practitioner or room is taken (conflictingAppointmentId)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an appointment' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: AppointmentDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Reschedule or change an appointment' })
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiUnprocessableEntityResponse({ description: 'The new time, practitioner or room breaks booking rules' })
  @ApiConflictResponse({ description: 'Double booking, or the appointment can no longer be moved' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.update(actor, id, body);
  }

  @Get(':id/check-in')
  @ApiOperation({ summary: 'See what is missing before treatment (check-in)' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: CheckInDto, description: 'What is missing before treatment' })
  checkIn(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CheckInDto> {
    return this.checkIns.check(actor, id);
  }

  @Post(':id/confirm')
  @ApiOperation({ summary: 'Confirm an appointment' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  confirm(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'confirm');
  }

  @Post(':id/check-in')
  @ApiOperation({ summary: 'Check a patient in' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  markCheckedIn(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'check-in');
  }

  @Post(':id/start')
  @ApiOperation({ summary: 'Mark an appointment in treatment' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  start(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'start');
  }

  @Post(':id/complete')
  @ApiOperation({ summary: 'Complete an appointment' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  complete(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'complete');
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel an appointment' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto, description: "lateCancellation: the patient cancelled inside the clinic's window (GET /api/settings/cancellations)" })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'cancel', body.reason, body.cancelledBy ?? 'patient');
  }

  @Post(':id/no-show')
  @ApiOperation({ summary: 'Mark an appointment as a no-show' })
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Illegal status transition' })
  noShow(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'no-show');
  }
}
