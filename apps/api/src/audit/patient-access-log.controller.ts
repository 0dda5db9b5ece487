import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { PatientAccessLogPageDto } from './patient-access-log.dto';
import { PatientAccessLogService } from './patient-access-log.service';

@ApiTags('patients')
@Controller('patients/:id/access-log')
export class PatientAccessLogController {
  constructor(private readonly accessLog: PatientAccessLogService) {}

  @Get()
  @ApiOperation({ summary: 'List who viewed or changed a patient\'s record' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: PatientAccessLogPageDto, description: "Who viewed or changed the patient's record and when, newest first" })
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: KeysetPageQueryDto): Promise<PatientAccessLogPageDto> {
    return this.accessLog.list(actor, id, query);
  }
}
