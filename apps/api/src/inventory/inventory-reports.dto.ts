import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_KINDS, RECALL_CLASSES, type ProductKind, type RecallClass } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { queryInteger } from './inventory-validation';

// Explicit `number` annotation: tsc emits design:type Object for an un-annotated initializer.
/* eslint-disable @typescript-eslint/no-inferrable-types */
export class AlertsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 365, default: 30 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt({ message: 'expiringWithinDays must be a whole number' })
  @Min(0)
  @Max(365)
  expiringWithinDays: number = 30;
}

export class OnHandQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;
}

export class ExpiringLotAlertDto {
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
  @ApiProperty({ description: 'Negative when already expired (still on the shelf)' }) daysUntilExpiry!: number;
  @ApiProperty() onHand!: number;
}

export class LowStockAlertDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty({ description: 'Usable units: not on hold and not expired' }) usable!: number;
  @ApiProperty() reorderThreshold!: number;
}

export class RecalledOnShelfAlertDto {
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty({ type: String, enum: RECALL_CLASSES, nullable: true }) recallClass!: RecallClass | null;
}

export class InventoryAlertsDto {
  @ApiProperty({ type: [ExpiringLotAlertDto], description: 'Lots with stock that expire within the window (or already did)' })
  expiring!: ExpiringLotAlertDto[];
  @ApiProperty({ type: [LowStockAlertDto], description: 'Products under their reorder threshold at a location' })
  lowStock!: LowStockAlertDto[];
  @ApiProperty({ type: [RecalledOnShelfAlertDto], description: 'Recalled lots with stock still on the shelf' })
  recalledOnShelf!: RecalledOnShelfAlertDto[];
}

export class OnHandRowDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind!: ProductKind;
  @ApiProperty({ type: String, nullable: true }) gtin!: string | null;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty({ description: 'Every unit on the shelf, held or expired included' }) onHand!: number;
  @ApiProperty({ description: 'Units that may be used today' }) usable!: number;
  @ApiProperty() reorderThreshold!: number;
  @ApiProperty() belowReorderThreshold!: boolean;
}
