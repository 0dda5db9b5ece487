import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GS1_ERROR_CODES,
  LOT_HOLD_STATUSES,
  LOT_STATUSES,
  MANUAL_MOVEMENT_TYPES,
  PRODUCT_KINDS,
  RECALL_CLASSES,
  STOCK_MOVEMENT_TYPES,
  WASTE_REASONS,
  type Gs1ErrorCode,
  type LotHoldStatus,
  type LotStatus,
  type ManualMovementType,
  type ProductKind,
  type RecallClass,
  type StockMovementType,
} from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { CappedCountDto, KeysetPageInfoDto, KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { clean, cleanOrNull, IsLotNumber } from './inventory-validation';

const MAX_QUANTITY = 100000;

export class ReceiveLotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'productId must be a product id' })
  productId!: string;

  @ApiProperty({ example: 'LOT42A', maxLength: 20 })
  @Transform(clean)
  @IsLotNumber()
  lotNumber!: string;

  @ApiProperty({ example: '2027-03-31', format: 'date', description: 'Last day of use' })
  @IsCalendarDate()
  expiresOn!: string;

  @ApiPropertyOptional({ example: '2025-01-15', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  manufacturedOn?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MedSupply Inc.' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 200)
  supplier?: string | null;

  @ApiProperty({ format: 'uuid', description: 'Where the stock is put on the shelf' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_QUANTITY, example: 20 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ReceiveScanDto {
  @ApiProperty({
    example: ']d201008123456789011727030010LOT42A',
    description:
      'The label as scanned: GS1 (GS separators; symbology identifier ]d2, ]C1, ]Q3 or ]e0) or in human-readable form (01)…(17)…(10)…, any GS1 AI; or an HIBC supplier label (+…)',
  })
  @IsString()
  @Length(1, 500)
  code!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_QUANTITY, example: 10 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 200)
  supplier?: string | null;
}

/** Signed and non-zero for a count adjustment; otherwise a positive count. */
function IsMovementQuantity(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMovementQuantity',
      validator: {
        validate: (value: unknown, args) => {
          if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_QUANTITY) return false;
          return (args?.object as { type?: unknown }).type === 'adjusted' ? value !== 0 : value >= 1;
        },
        defaultMessage: (args) =>
          (args?.object as { type?: unknown }).type === 'adjusted'
            ? 'quantity must be a non-zero whole number (negative removes stock, positive adds it)'
            : 'quantity must be a whole number of at least 1',
      },
    },
    options,
  );
}

/** wasted: one of the waste reasons; adjusted: required free text; otherwise optional free text. */
function IsMovementReason(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMovementReason',
      validator: {
        validate: (value: unknown, args) => {
          const type = (args?.object as { type?: unknown }).type;
          if (type === 'wasted') return (WASTE_REASONS as readonly unknown[]).includes(value);
          if (value === undefined) return type !== 'adjusted';
          return typeof value === 'string' && value.length >= 1 && value.length <= 1000;
        },
        defaultMessage: (args) => {
          const type = (args?.object as { type?: unknown }).type;
          if (type === 'wasted') return `reason must be one of ${WASTE_REASONS.join(', ')}`;
          if (type === 'adjusted' && args?.value === undefined) return 'reason is required for an adjustment';
          return 'reason must be 1 to 1000 characters';
        },
      },
    },
    options,
  );
}

export class RecordMovementDto {
  @ApiProperty({ enum: MANUAL_MOVEMENT_TYPES })
  @IsIn(MANUAL_MOVEMENT_TYPES, { message: `type must be one of ${MANUAL_MOVEMENT_TYPES.join(', ')}` })
  type!: ManualMovementType;

  @ApiProperty({ format: 'uuid', description: 'The location whose stock changes (for a transfer: the source)' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;

  @ApiProperty({ example: 1, description: 'Positive; for `adjusted` signed and non-zero (the correction to the count)' })
  @IsMovementQuantity()
  quantity!: number;

  @ApiPropertyOptional({
    description: `wasted: one of ${WASTE_REASONS.join(', ')} (required); adjusted: why the count was wrong (required); transferred, returned: optional`,
  })
  @Transform(clean)
  @IsMovementReason()
  reason?: string;

  @ApiPropertyOptional({ description: 'Free text, e.g. what happened or the supplier return authorisation' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'transferred: the receiving location (required)' })
  @ValidateIf((o: RecordMovementDto) => o.type === 'transferred' || o.toLocationId !== undefined)
  @IsUUID('4', { message: 'toLocationId must be a location id' })
  toLocationId?: string;
}

export class HoldReasonDto {
  @ApiProperty({ example: 'Packaging seal looked broken on the whole box' })
  @Transform(clean)
  @IsString({ message: 'reason is required' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

export class ReleaseLotDto {
  @ApiPropertyOptional({ example: 'Supplier confirmed sterility' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason?: string;
}

export class RecallLotDto extends HoldReasonDto {
  @ApiProperty({ enum: RECALL_CLASSES })
  @IsIn(RECALL_CLASSES, { message: `recallClass must be one of ${RECALL_CLASSES.join(', ')}` })
  recallClass!: RecallClass;

  @ApiPropertyOptional({ example: 'Z-1234-2026', description: "The manufacturer's or FDA's recall number" })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  reference?: string;
}

/** `GET /api/lots`: keyset pages (`?after=&pageSize=`) in expiry order, filtered. */
export class LotListQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'productId must be a product id' })
  productId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS, description: "Only lots of this kind of product (the session form's cartridge picker: needle_cartridge)" })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: `kind must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind?: ProductKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lots with stock history at this location; on-hand and status there' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ enum: LOT_STATUSES, description: 'At the location when one is named, else over all locations; `available` means usable now and in stock' })
  @IsOptional()
  @IsIn(LOT_STATUSES, { message: `status must be one of ${LOT_STATUSES.join(', ')}` })
  status?: LotStatus;
}

export class LotSuggestionQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'productId must be a product id' })
  productId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;
}

export class ProductSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() manufacturer!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) gtin!: string | null;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind!: ProductKind;
}

export class LotBalanceDto {
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty({ enum: LOT_STATUSES, description: 'At this location, on its calendar date' }) status!: LotStatus;
}

export class LotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ProductSummaryDto }) product!: ProductSummaryDto;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date', description: 'Last day of use' }) expiresOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) manufacturedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) supplier!: string | null;
  @ApiProperty({ enum: LOT_HOLD_STATUSES, description: 'The stored hold; status adds expiry and depletion' })
  holdStatus!: LotHoldStatus;
  @ApiProperty({ type: String, nullable: true }) holdReason!: string | null;
  @ApiProperty({ type: String, enum: ['gs1', 'hibc'], nullable: true, description: 'The label the lot was received from by scan; null when received by form' })
  udiFormat!: 'gs1' | 'hibc' | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '(01)00850031370012(240)PEN-14N(17)270331(10)LOTNEW1',
    description: 'The whole label: GS1 element string in human-readable form with every AI in label order, or the HIBC data as scanned',
  })
  udiData!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'GS1 AI 240: additional product identification assigned by the manufacturer' })
  additionalProductId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-31T10:30', description: 'GS1 AI 7003: expiry date and time as printed (YYYY-MM-DDTHH:MM, no time zone)' })
  labelExpiresAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'GS1 AI 30: count of items on the label' })
  labelItemCount!: number | null;
  @ApiProperty({ enum: LOT_STATUSES, description: 'At the requested location, else over all locations' }) status!: LotStatus;
  @ApiProperty({ description: 'At the requested location, else over all locations' }) onHand!: number;
  @ApiProperty({ type: [LotBalanceDto] }) balances!: LotBalanceDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class LotPageDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [LotDto], description: 'Earliest expiry first (then lot number)' }) items!: LotDto[];
  @ApiProperty({ type: CappedCountDto, description: 'Lots matching the filters, counted up to 1,000' }) total!: CappedCountDto;
}

export class StockMovementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ enum: STOCK_MOVEMENT_TYPES }) type!: StockMovementType;
  @ApiProperty({ description: 'As recorded: positive, or signed for an adjustment' }) quantity!: number;
  @ApiProperty({ description: 'Signed effect on the on-hand count at locationId' }) delta!: number;
  @ApiProperty({ type: String, enum: ['in', 'out'], nullable: true }) direction!: 'in' | 'out' | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Links the two rows of a transfer' })
  transferId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) counterpartLocationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) treatmentSessionId!: string | null;
  @ApiProperty({ format: 'date', description: 'The calendar date at the location' }) occurredOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class LotRecallSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RECALL_CLASSES }) recallClass!: RecallClass;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class LotDetailDto extends LotDto {
  @ApiProperty({ type: [StockMovementDto], description: 'Every stock movement of the lot, oldest first' })
  ledger!: StockMovementDto[];
  @ApiProperty({ type: [LotRecallSummaryDto] }) recalls!: LotRecallSummaryDto[];
}

export class ReceiptDto {
  @ApiProperty({ description: 'False when the stock was added to a lot already on record' }) lotCreated!: boolean;
  @ApiProperty({ type: LotDto }) lot!: LotDto;
  @ApiProperty({ type: StockMovementDto }) movement!: StockMovementDto;
}

export class MovementResultDto {
  @ApiProperty({ type: LotDto }) lot!: LotDto;
  @ApiProperty({ type: [StockMovementDto], description: 'One row, or two linked rows for a transfer' })
  movements!: StockMovementDto[];
}

export class LotSuggestionDto {
  @ApiProperty({ type: LotDto, nullable: true, description: 'The usable lot that expires first (FEFO), or null when none' })
  lot!: LotDto | null;
}

export class ScannedFieldsDto {
  @ApiPropertyOptional({ example: '00812345678901', description: 'GS1 labels' }) gtin?: string;
  @ApiPropertyOptional({ example: 'A123BJC5D6E71', description: 'HIBC labels: LIC + product number + unit of measure' }) hibcDeviceId?: string;
  @ApiPropertyOptional() lotNumber?: string;
  @ApiPropertyOptional({ format: 'date' }) expiresOn?: string;
  @ApiPropertyOptional({ format: 'date' }) manufacturedOn?: string;
  @ApiPropertyOptional() serialNumber?: string;
}

export class LabelErrorDto {
  @ApiProperty({ enum: GS1_ERROR_CODES, enumName: 'LabelErrorCode' }) code!: Gs1ErrorCode;
  @ApiPropertyOptional({ example: '17', description: 'The GS1 application identifier the error concerns' }) ai?: string;
  @ApiProperty({ example: 'Expiry date (17) "271301" is not a valid YYMMDD (DD may be 00) date' }) message!: string;
}

export class UnreadableLabelProblemDto extends ProblemDocumentDto {
  @ApiProperty({ type: [LabelErrorDto], description: 'Why the scanned label cannot be read, each with its code and GS1 AI' })
  labelErrors!: LabelErrorDto[];
}

export class UnknownGtinProblemDto extends ProblemDocumentDto {
  @ApiProperty({ type: ScannedFieldsDto, description: 'What the label said, to offer creating the product' })
  scanned!: ScannedFieldsDto;
}
