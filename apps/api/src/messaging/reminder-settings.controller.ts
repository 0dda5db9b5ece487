import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { ReminderSettingsDto, ReminderSettingsInputDto } from './reminder-settings.dto';
import { ReminderSettingsService } from './reminder-settings.service';

@ApiTags('messaging')
@Controller('settings/reminders')
export class ReminderSettingsController {
  constructor(private readonly settings: ReminderSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get when appointment reminders are sent' })
  @RequirePermission('messages.read')
  @ApiOkResponse({ type: ReminderSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<ReminderSettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Change when appointment reminders are sent' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: ReminderSettingsDto, description: 'Applies to reminders scheduled from now on' })
  replace(@CurrentActor() actor: Actor, @Body() body: ReminderSettingsInputDto): Promise<ReminderSettingsDto> {
    return this.settings.replace(actor, body.hoursBefore);
  }
}
