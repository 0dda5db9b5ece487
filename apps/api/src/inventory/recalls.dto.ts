import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECALL_CLASSES, type RecallClass } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { clean, IsGtin, IsLotNumber } from './inventory-validation';

const cleanEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

export class RecallNoticeDto {
  @ApiProperty({ example: '00812345678901', description: 'The recalled product (GTIN-8, -12, -13 or -14)' })
  @Transform(clean)
  @IsGtin()
  gtin!: string;

  @ApiProperty({ type: [String], example: ['LOT42A', 'LOT42B'] })
  @Transform(cleanEach)
  @IsArray({ message: 'lotNumbers must be a list of lot numbers' })
  @ArrayMinSize(1, { message: 'lotNumbers must name at least one lot' })
  @ArrayMaxSize(500)
  @IsLotNumber({ each: true })
  lotNumbers!: string[];

  @ApiProperty({ enum: RECALL_CLASSES })
  @IsIn(RECALL_CLASSES, { message: `recallClass must be one of ${RECALL_CLASSES.join(', ')}` })
  recallClass!: RecallClass;

  @ApiProperty({ example: 'Possible breach of sterile barrier' })
  @Transform(clean)
  @IsString({ message: 'reason is required' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;

  @ApiPropertyOptional({ example: 'Z-1234-2026' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  reference?: string;
}

export class RecallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) productId!: string | null;
  @ApiProperty({ type: String, nullable: true }) gtin!: string | null;
  @ApiProperty({ enum: RECALL_CLASSES }) recallClass!: RecallClass;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ enum: ['lot', 'notice'] }) source!: 'lot' | 'notice';
  @ApiProperty({ type: [String], description: 'The lot numbers the recall names' }) lotNumbers!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Lots on record that were marked recalled' }) lotIds!: string[];
  @ApiProperty({ type: [String], description: 'Named lot numbers the clinic has no record of' }) lotNumbersNotFound!: string[];
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RecalledLotDto {
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ description: 'False when the lot was already recalled before this notice' }) newlyRecalled!: boolean;
  @ApiProperty({ description: 'Units still on the shelf over all locations: take them out' }) onHand!: number;
}

export class RecallNoticeResultDto {
  @ApiProperty({ type: RecallDto }) recall!: RecallDto;
  @ApiProperty({ type: [RecalledLotDto] }) found!: RecalledLotDto[];
  @ApiProperty({ type: [String], description: 'Lot numbers of the notice with no matching lot (or no such product)' })
  notFound!: string[];
}
