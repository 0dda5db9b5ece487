import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_KINDS, type ProductKind } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

/** LIC + product number + unit of measure (HIBC Supplier Labeling Standard). */
const HIBC_DEVICE_ID = /^[A-Z][0-9A-Z]{3}[0-9A-Z]{1,18}[0-9]$/;
import { clean, IsGtin } from './inventory-validation';

export class CreateProductDto {
  @ApiProperty({ example: 'Crown Aesthetics' })
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  manufacturer!: string;

  @ApiProperty({ example: 'SkinPen cartridge, 14 needles' })
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: '00812345678901', description: 'GTIN-8, -12, -13 or -14; stored as 14 digits' })
  // Absent means "no GTIN"; null is not a GTIN (IsOptional would let it through to the service).
  @ValidateIf((_, value) => value !== undefined)
  @Transform(clean)
  @IsGtin()
  gtin?: string;

  @ApiPropertyOptional({ example: 'A123BJC5D6E71', description: 'For HIBC labels: LIC + product or catalogue number + unit of measure (as after the + on the label)' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(clean)
  @IsString()
  @Matches(HIBC_DEVICE_ID, { message: 'hibcDeviceId must be the LIC (a letter and 3 letters or digits), the product number (1 to 18 letters or digits) and the unit of measure digit' })
  hibcDeviceId?: string;

  @ApiProperty({ enum: PRODUCT_KINDS })
  @IsIn(PRODUCT_KINDS, { message: `kind must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind!: ProductKind;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100, description: 'Needle cartridges only' })
  @IsOptional()
  @IsInt({ message: 'needleCount must be a whole number' })
  @Min(1)
  @Max(100)
  needleCount?: number;

  @ApiPropertyOptional({ description: 'Defaults to true for needle cartridges (which are always single use), else false' })
  @IsOptional()
  @IsBoolean({ message: 'singleUse must be true or false' })
  singleUse?: boolean;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    default: 0,
    description: 'Usable stock each location should keep at least; 0 turns the reorder alert off',
  })
  @IsOptional()
  @IsInt({ message: 'reorderThreshold must be a whole number' })
  @Min(0)
  @Max(1000000)
  reorderThreshold?: number;
}

export class ProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() manufacturer!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: '00812345678901' }) gtin!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'A123BJC5D6E71', description: 'HIBC device id: LIC + product number + unit of measure' })
  hibcDeviceId!: string | null;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind!: ProductKind;
  @ApiProperty({ type: Number, nullable: true }) needleCount!: number | null;
  @ApiProperty() singleUse!: boolean;
  @ApiProperty() reorderThreshold!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProductListQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_KINDS })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: `kind must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind?: ProductKind;

  @ApiPropertyOptional({ description: 'Exact GTIN (any length; compared as 14 digits)' })
  @IsOptional()
  @Transform(clean)
  @IsGtin()
  gtin?: string;
}
