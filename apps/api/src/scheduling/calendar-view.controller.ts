import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { ScheduleDto, ScheduleQueryDto } from './calendar-view.dto';
import { CalendarViewService } from './calendar-view.service';

@ApiTags('scheduling')
@Controller('schedule')
export class CalendarViewController {
  constructor(private readonly calendar: CalendarViewService) {}

  @Get()
  @ApiOperation({ summary: 'Get the calendar for a day or week at a location' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: ScheduleDto, description: "The calendar's day or week at a location: practitioners with working time and time off, rooms and appointments" })
  get(@CurrentActor() actor: Actor, @Query() query: ScheduleQueryDto): Promise<ScheduleDto> {
    return this.calendar.get(actor, query);
  }
}
