import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { TreatmentSettingsDto, TreatmentSettingsInputDto } from './treatment-settings.dto';
import { TreatmentSettingsService } from './treatment-settings.service';

@ApiTags('settings')
@Controller('settings/treatment')
export class TreatmentSettingsController {
  constructor(private readonly settings: TreatmentSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the treatment settings' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: TreatmentSettingsDto, description: 'Zone maximums, after-care text and the medical interval in force' })
  get(@CurrentActor() actor: Actor): Promise<TreatmentSettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the treatment settings' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: TreatmentSettingsDto, description: 'The overrides are replaced as a whole; {} returns to the defaults' })
  replace(@CurrentActor() actor: Actor, @Body() body: TreatmentSettingsInputDto): Promise<TreatmentSettingsDto> {
    return this.settings.replace(actor, body);
  }
}
