import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateTimeOffDto, HoursExceptionDto, PutWorkingHoursDto, WorkingHoursDto } from './working-hours.dto';
import { WorkingHoursService } from './working-hours.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('scheduling')
@Controller('staff')
export class WorkingHoursController {
  constructor(private readonly hours: WorkingHoursService) {}

  @Get(':id/working-hours')
  @ApiOperation({ summary: 'Get a practitioner\'s working hours and time off' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: WorkingHoursDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WorkingHoursDto> {
    return this.hours.get(actor, id);
  }

  @Put(':id/working-hours')
  @ApiOperation({ summary: 'Replace a practitioner\'s weekly working hours' })
  @RequirePermission('schedule.manage')
  @ApiOkResponse({ type: WorkingHoursDto })
  put(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: PutWorkingHoursDto): Promise<WorkingHoursDto> {
    return this.hours.put(actor, id, body);
  }

  @Post(':id/time-off')
  @ApiOperation({ summary: 'Add time off for a practitioner' })
  @Idempotent()
  @RequirePermission('schedule.manage')
  @ApiCreatedResponse({ type: HoursExceptionDto })
  addTimeOff(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateTimeOffDto): Promise<HoursExceptionDto> {
    return this.hours.addException(actor, id, body);
  }

  @Delete(':id/time-off/:exceptionId')
  @ApiOperation({ summary: 'Remove a practitioner\'s time off' })
  @HttpCode(204)
  @RequirePermission('schedule.manage')
  @ApiNoContentResponse()
  removeTimeOff(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('exceptionId') exceptionId: string): Promise<void> {
    return this.hours.removeException(actor, id, exceptionId);
  }
}
