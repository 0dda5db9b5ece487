import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AlertsQueryDto, InventoryAlertsDto, OnHandQueryDto, OnHandRowDto } from './inventory-reports.dto';
import { InventoryReportsService } from './inventory-reports.service';

@ApiTags('inventory')
@Controller('inventory')
export class InventoryController {
  constructor(private readonly reports: InventoryReportsService) {}

  @Get('alerts')
  @ApiOperation({ summary: 'List stock alerts (low stock, expiring, on hold)' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: InventoryAlertsDto })
  alerts(@CurrentActor() actor: Actor, @Query() query: AlertsQueryDto): Promise<InventoryAlertsDto> {
    return this.reports.alerts(actor, query);
  }

  @Get('on-hand')
  @ApiOperation({ summary: 'Stock on hand per product and location' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: [OnHandRowDto], description: 'Per product and location' })
  onHand(@CurrentActor() actor: Actor, @Query() query: OnHandQueryDto): Promise<OnHandRowDto[]> {
    return this.reports.onHand(actor, query.locationId);
  }
}
