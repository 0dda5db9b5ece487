import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { InvalidFieldError } from '../common/problems/domain-error';
import { EligibilityDto, EligibilityQueryDto } from './eligibility.dto';
import { EligibilityService } from './eligibility.service';
import { MedicalHistoryAnswersDto, MedicalHistoryDto, MedicalHistoryVersionDto } from './medical-history.dto';
import { MedicalHistoryService } from './medical-history.service';
import { TimelineDto } from './timeline/timeline.dto';
import { TimelineService } from './timeline/timeline.service';

/** The clinical record of a patient: medical-history versions, eligibility screening and the timeline. Reads are audited. */
@ApiTags('patients')
@Controller('patients/:id')
export class PatientClinicalController {
  constructor(
    private readonly histories: MedicalHistoryService,
    private readonly eligibility: EligibilityService,
    private readonly timeline: TimelineService,
  ) {}

  @Get('medical-history')
  @ApiOperation({ summary: 'Get a patient\'s current medical history' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: MedicalHistoryDto })
  getMedicalHistory(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MedicalHistoryDto> {
    return this.histories.get(actor, id);
  }

  @Get('medical-history/versions/:version')
  @ApiOperation({ summary: 'Get one earlier medical-history version' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: MedicalHistoryVersionDto })
  getMedicalHistoryVersion(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => new InvalidFieldError('version', 'must be a whole number') })) version: number,
  ): Promise<MedicalHistoryVersionDto> {
    return this.histories.getVersion(actor, id, version);
  }

  @Put('medical-history')
  @ApiOperation({ summary: 'Record a new medical-history version' })
  @RequirePermission('medical_history.write')
  @ApiOkResponse({ type: MedicalHistoryVersionDto, description: 'Recorded as a new version; earlier versions are kept unchanged' })
  recordMedicalHistory(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: MedicalHistoryAnswersDto,
  ): Promise<MedicalHistoryVersionDto> {
    return this.histories.record(actor, id, body);
  }

  @Get('eligibility')
  @ApiOperation({ summary: 'Screen a patient for contraindications' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: EligibilityDto })
  getEligibility(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: EligibilityQueryDto): Promise<EligibilityDto> {
    return this.eligibility.check(actor, id, query.procedure, query.on);
  }

  @Get('timeline')
  @ApiOperation({ summary: 'Get a patient\'s timeline' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: TimelineDto })
  getTimeline(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TimelineDto> {
    return this.timeline.get(actor, id);
  }
}
