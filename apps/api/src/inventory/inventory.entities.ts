import { Device, DeviceServiceEvent } from './device.entity';
import { Lot } from './lot.entity';
import { Product } from './product.entity';
import { Recall, RecallLot } from './recall.entity';
import { StockMovement } from './stock-movement.entity';

/** The inventory tables mapped for TypeORM (stock_balances is read with SQL only). */
export const INVENTORY_ENTITIES = [Product, Lot, StockMovement, Recall, RecallLot, Device, DeviceServiceEvent];
