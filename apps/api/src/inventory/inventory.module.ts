import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';
import { InventoryLocations } from './inventory-locations';
import { InventoryReportsService } from './inventory-reports.service';
import { InventoryController } from './inventory.controller';
import { LedgerService } from './ledger.service';
import { LotViews } from './lot-views';
import { LotsController } from './lots.controller';
import { LotsService } from './lots.service';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';
import { RecallsController } from './recalls.controller';
import { RecallsService } from './recalls.service';

/**
 * Inventory: products, lots and the stock ledger, recalls, pen handpieces, alerts. The treatment-session capability
 * uses LedgerService.recordUse and DevicesService.assertUsable inside its own transaction. Locations and the clinic
 * calendar are the organizations module's.
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [ProductsController, LotsController, RecallsController, DevicesController, InventoryController],
  providers: [
    InventoryLocations,
    LotViews,
    ProductsService,
    LedgerService,
    LotsService,
    RecallsService,
    DevicesService,
    InventoryReportsService,
  ],
  exports: [LedgerService, DevicesService, LotsService],
})
export class InventoryModule {}
