import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { VisitConsentsDto } from './consents.dto';
import { VisitConsentsService } from './visit-consents.service';

/** The consents of one visit, prepared together for one kiosk session (the check-in drawer's "Prepare and hand over"). */
@ApiTags('consents')
@Controller('appointments')
export class VisitConsentsController {
  constructor(private readonly visits: VisitConsentsService) {}

  @Post(':id/consents')
  @ApiOperation({ summary: 'Prepare the consents a visit needs' })
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('consents.prepare')
  @ApiOkResponse({
    type: VisitConsentsDto,
    description:
      "Prepares every consent the appointment's service needs that the patient will not validly hold at its start, each naming the " +
      "appointment's practitioner and the appointment; pending ones already prepared for this appointment are answered again, not duplicated",
  })
  prepare(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<VisitConsentsDto> {
    return this.visits.prepare(actor, id);
  }
}
