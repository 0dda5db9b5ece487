import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { AppointmentPageDto, NextAppointmentConsentsDto, PatientAppointmentsQueryDto } from './appointments.dto';
import { AppointmentsService } from './appointments.service';
import { CheckInService } from './check-in.service';

@ApiTags('scheduling')
@Controller('patients/:id')
export class PatientAppointmentsController {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly appointments: AppointmentsService,
  ) {}

  @Get('appointments')
  @ApiOperation({ summary: 'List a patient\'s appointments' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({
    type: AppointmentPageDto,
    description: "The patient's appointments, upcoming (soonest first) or past and cancelled (latest first); audited as a read of the patient's record",
  })
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PatientAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.appointments.listForPatient(actor, id, query);
  }

  @Get('next-appointment-consents')
  @ApiOperation({ summary: 'Consents missing for a patient\'s next appointment' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: NextAppointmentConsentsDto, description: 'Nulls and no kinds when the patient has no upcoming appointment' })
  nextAppointmentConsents(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NextAppointmentConsentsDto> {
    return this.checkIns.nextAppointmentConsents(actor, id);
  }
}
