import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AvailabilityDto, AvailabilityQueryDto } from './availability.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('scheduling')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @ApiOperation({ summary: 'Find free slots' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: AvailabilityDto })
  find(@CurrentActor() actor: Actor, @Query() query: AvailabilityQueryDto): Promise<AvailabilityDto> {
    return this.availability.find(actor, query);
  }
}
