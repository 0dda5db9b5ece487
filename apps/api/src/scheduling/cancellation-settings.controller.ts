import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { CancellationSettingsDto, CancellationSettingsInputDto } from './cancellation-settings.dto';
import { CancellationSettingsService } from './cancellation-settings.service';

@ApiTags('scheduling')
@Controller('settings/cancellations')
export class CancellationSettingsController {
  constructor(private readonly settings: CancellationSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the late-cancellation window' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: CancellationSettingsDto, description: 'The cancel dialog says beforehand whether a cancellation will be late' })
  get(@CurrentActor() actor: Actor): Promise<CancellationSettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Change the late-cancellation window' })
  @RequirePermission('settings.manage')
  @ApiOkResponse({ type: CancellationSettingsDto, description: 'Applies to cancellations from now on' })
  replace(@CurrentActor() actor: Actor, @Body() body: CancellationSettingsInputDto): Promise<CancellationSettingsDto> {
    return this.settings.replace(actor, body.lateCancellationHours);
  }
}
