import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { NextAppointmentConsentsDto } from './appointments.dto';
import { CheckInService } from './check-in.service';

@ApiTags('scheduling')
@Controller('patients/:id')
export class PatientAppointmentsController {
  constructor(private readonly checkIns: CheckInService) {}

  @Get('next-appointment-consents')
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: NextAppointmentConsentsDto, description: 'Nulls and no kinds when the patient has no upcoming appointment' })
  nextAppointmentConsents(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NextAppointmentConsentsDto> {
    return this.checkIns.nextAppointmentConsents(actor, id);
  }
}
