import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { SecuritySettingsDto } from './security-settings.dto';
import { SecuritySettingsService } from './security-settings.service';

@ApiTags('settings')
@Controller('settings/security')
export class SecuritySettingsController {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the sign-in security settings' })
  @RequirePermission('security.manage')
  @ApiOkResponse({ type: SecuritySettingsDto })
  get(@CurrentActor() actor: Actor): Promise<SecuritySettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Choose which roles must use two-step sign-in' })
  @RequirePermission('security.manage')
  @ApiOkResponse({ type: SecuritySettingsDto, description: 'Replaces the list; staff of these roles without MFA can only enrol after sign-in' })
  replace(@CurrentActor() actor: Actor, @Body() body: SecuritySettingsDto): Promise<SecuritySettingsDto> {
    return this.settings.replace(actor, body);
  }
}
