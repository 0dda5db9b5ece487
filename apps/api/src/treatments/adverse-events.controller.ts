import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { AdverseEventDto, RecordAdverseEventDto } from './adverse-events.dto';
import { AdverseEventsService } from './adverse-events.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('adverse events')
@Controller()
export class AdverseEventsController {
  constructor(private readonly events: AdverseEventsService) {}

  @Post('treatment-sessions/:id/adverse-events')
  @ApiOperation({ summary: 'Record an adverse event after a session' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiCreatedResponse({ type: AdverseEventDto })
  record(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecordAdverseEventDto): Promise<AdverseEventDto> {
    return this.events.record(actor, id, body);
  }

  @Get('patients/:id/adverse-events')
  @ApiOperation({ summary: 'List a patient\'s adverse events' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: [AdverseEventDto] })
  listForPatient(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AdverseEventDto[]> {
    return this.events.listForPatient(actor, id);
  }
}
