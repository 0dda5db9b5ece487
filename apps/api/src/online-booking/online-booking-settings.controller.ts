import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { OnlineBookingSettingsDto, OnlineBookingSettingsViewDto } from './online-booking-settings.dto';
import { OnlineBookingSettingsService } from './online-booking-settings.service';

@ApiTags('settings')
@Controller('settings/online-booking')
export class OnlineBookingSettingsController {
  constructor(private readonly settings: OnlineBookingSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the online-booking settings' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: OnlineBookingSettingsViewDto })
  get(@CurrentActor() actor: Actor): Promise<OnlineBookingSettingsViewDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the online-booking settings' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: OnlineBookingSettingsViewDto, description: 'Replaced as a whole; applies to the public booking pages at once' })
  replace(@CurrentActor() actor: Actor, @Body() body: OnlineBookingSettingsDto): Promise<OnlineBookingSettingsViewDto> {
    return this.settings.replace(actor, body);
  }
}
