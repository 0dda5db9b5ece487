import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { AssessmentDto, RecordAssessmentDto } from './assessments.dto';
import { AssessmentsService } from './assessments.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('outcome assessments')
@Controller('patients/:id/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @ApiOperation({ summary: 'Record an outcome assessment' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiCreatedResponse({ type: AssessmentDto })
  record(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecordAssessmentDto): Promise<AssessmentDto> {
    return this.assessments.record(actor, id, body);
  }

  @Get()
  @ApiOperation({ summary: 'List a patient\'s outcome assessments' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: [AssessmentDto], description: 'Oldest first, each with its change from the course baseline' })
  list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssessmentDto[]> {
    return this.assessments.listForPatient(actor, id);
  }
}
