import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateTreatmentPlanDto, TreatmentPlanDto, TreatmentPlanQueryDto } from './treatment-plans.dto';
import { TreatmentPlansService } from './treatment-plans.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('scheduling')
@Controller('treatment-plans')
export class TreatmentPlansController {
  constructor(private readonly plans: TreatmentPlansService) {}

  @Get()
  @ApiOperation({ summary: 'List treatment courses' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: [TreatmentPlanDto] })
  list(@CurrentActor() actor: Actor, @Query() query: TreatmentPlanQueryDto): Promise<TreatmentPlanDto[]> {
    return this.plans.listForPatient(actor, query.patientId);
  }

  @Post()
  @ApiOperation({ summary: 'Plan a treatment course' })
  @Idempotent()
  @RequirePermission('schedule.book')
  @ApiCreatedResponse({ type: TreatmentPlanDto, description: 'The course with one proposed slot per session' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTreatmentPlanDto): Promise<TreatmentPlanDto> {
    return this.plans.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a treatment course' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: TreatmentPlanDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TreatmentPlanDto> {
    return this.plans.get(actor, id);
  }

  @Post(':id/book')
  @ApiOperation({ summary: 'Book a treatment course\'s sessions' })
  @Idempotent()
  @HttpCode(200)
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: TreatmentPlanDto })
  @ApiUnprocessableEntityResponse({ description: 'A session breaks a booking rule (violations carry sessionNumber); nothing is booked' })
  @ApiConflictResponse({ description: 'A session’s slot was taken meanwhile (sessionNumber, conflictingAppointmentId); nothing is booked' })
  book(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TreatmentPlanDto> {
    return this.plans.book(actor, id);
  }
}
