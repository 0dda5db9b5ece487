import type { Schemas } from '@skinledger/api-client';

export type Product = Schemas['ProductDto'];
export type Lot = Schemas['LotDto'];
export type LotDetail = Schemas['LotDetailDto'];
export type StockMovement = Schemas['StockMovementDto'];
export type Receipt = Schemas['ReceiptDto'];
export type Recall = Schemas['RecallDto'];
export type RecallNoticeResult = Schemas['RecallNoticeResultDto'];
export type Device = Schemas['DeviceDto'];
export type DeviceDetail = Schemas['DeviceDetailDto'];
export type OnHandRow = Schemas['OnHandRowDto'];
export type InventoryAlerts = Schemas['InventoryAlertsDto'];
export type ScannedFields = Schemas['ScannedFieldsDto'];
