import { ApiProperty } from '@nestjs/swagger';
import { WASTE_REASONS } from '@skinledger/domain';
import { IsIn } from 'class-validator';
import { ReportQueryDto } from './report-query.dto';

export const CARTRIDGE_GROUPINGS = ['product', 'lot', 'practitioner', 'month'] as const;
export type CartridgeGrouping = (typeof CARTRIDGE_GROUPINGS)[number];

export class CartridgesQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: CARTRIDGE_GROUPINGS, description: 'One row per product, per lot, per practitioner (who used or wasted them), or per calendar month of the range (empty months included)' })
  @IsIn(CARTRIDGE_GROUPINGS, { message: `groupBy must be one of ${CARTRIDGE_GROUPINGS.join(', ')}` })
  groupBy!: CartridgeGrouping;
}

export class WastedByReasonDto {
  @ApiProperty() dropped!: number;
  @ApiProperty({ name: 'packaging_damaged' }) packaging_damaged!: number;
  @ApiProperty() contaminated!: number;
  @ApiProperty() expired!: number;
  @ApiProperty() other!: number;
}

export class CartridgeReportRowDto {
  @ApiProperty({ description: 'Product, lot or staff member id; per month YYYY-MM' }) key!: string;
  @ApiProperty({ description: 'Per month like "Jan 2026"' }) label!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Received in the range (per month: in the month); null per practitioner' }) received!: number | null;
  @ApiProperty({ description: 'Used on patients in the range' }) used!: number;
  @ApiProperty({ description: 'Wasted in the range (any reason)' }) wasted!: number;
  @ApiProperty({ type: WastedByReasonDto, description: `Wasted by reason: ${WASTE_REASONS.join(', ')}` }) wastedByReason!: WastedByReasonDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Still on the shelf, of lots whose expiry date fell within the range and has passed; null per practitioner, per month or for one practitioner' })
  expiredUnused!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'On hand at the end of the range; null per practitioner, per month or for one practitioner' }) onHand!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Wasted / (used + wasted), percent' }) wastePercent!: number | null;
  @ApiProperty({ description: 'Treatment sessions that used them' }) sessions!: number;
  @ApiProperty({ type: Number, nullable: true }) cartridgesPerSession!: number | null;
}

export class ExpiringCartridgeLotDto {
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
  @ApiProperty() onHand!: number;
}

export class CartridgeReportDto {
  @ApiProperty({ enum: CARTRIDGE_GROUPINGS }) groupBy!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [CartridgeReportRowDto] }) rows!: CartridgeReportRowDto[];
  @ApiProperty({ type: [ExpiringCartridgeLotDto], description: 'Lots with stock on hand expiring within the next 60 days, soonest first' })
  expiringSoon!: ExpiringCartridgeLotDto[];
}
