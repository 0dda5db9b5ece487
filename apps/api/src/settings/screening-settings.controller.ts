import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { ScreeningSettingsDto, ScreeningSettingsInputDto } from './screening-settings.dto';
import { ScreeningSettingsService } from './screening-settings.service';

@ApiTags('settings')
@Controller('settings/screening')
export class ScreeningSettingsController {
  constructor(private readonly settings: ScreeningSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the screening settings' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: ScreeningSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<ScreeningSettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the screening settings' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: ScreeningSettingsDto, description: 'The overrides are replaced as a whole; {} returns to the defaults' })
  replace(@CurrentActor() actor: Actor, @Body() body: ScreeningSettingsInputDto): Promise<ScreeningSettingsDto> {
    return this.settings.replace(actor, body);
  }
}
