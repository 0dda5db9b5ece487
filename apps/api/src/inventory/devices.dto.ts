import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEVICE_SERVICE_KINDS, DEVICE_STATUSES, type DeviceServiceKind, type DeviceStatus } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { clean, cleanOrNull } from './inventory-validation';

export class CreateDeviceDto {
  @ApiProperty({ example: 'SkinPen Precision' })
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  model!: string;

  @ApiProperty({ example: 'SP-2024-00187', description: 'Unique within the organization' })
  @Transform(clean)
  @IsString()
  @Length(1, 100)
  serialNumber!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(0, 2000)
  notes?: string;
}

export class UpdateDeviceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  model?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 100)
  serialNumber?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ enum: DEVICE_STATUSES, description: 'Retiring is final' })
  @IsOptional()
  @IsIn(DEVICE_STATUSES, { message: `status must be one of ${DEVICE_STATUSES.join(', ')}` })
  status?: DeviceStatus;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required when taking a device out of service or retiring it' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 1000)
  statusReason?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(0, 2000)
  notes?: string;
}

export class DeviceListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ enum: DEVICE_STATUSES })
  @IsOptional()
  @IsIn(DEVICE_STATUSES, { message: `status must be one of ${DEVICE_STATUSES.join(', ')}` })
  status?: DeviceStatus;
}

export class CreateServiceEventDto {
  @ApiProperty({ format: 'date', example: '2026-11-02' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiProperty({ enum: DEVICE_SERVICE_KINDS })
  @IsIn(DEVICE_SERVICE_KINDS, { message: `kind must be one of ${DEVICE_SERVICE_KINDS.join(', ')}` })
  kind!: DeviceServiceKind;

  @ApiProperty({ example: 'Motor serviced, speed calibrated' })
  @Transform(clean)
  @IsString()
  @Length(1, 2000)
  description!: string;

  @ApiPropertyOptional({ example: 'Crown Aesthetics service centre' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  performedBy?: string;
}

export class DeviceServiceEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ enum: DEVICE_SERVICE_KINDS }) kind!: DeviceServiceKind;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) performedBy!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class DeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() model!: string;
  @ApiProperty() serialNumber!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ enum: DEVICE_STATUSES }) status!: DeviceStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty() notes!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeviceDetailDto extends DeviceDto {
  @ApiProperty({ type: [DeviceServiceEventDto], description: 'The service log, oldest first' })
  serviceEvents!: DeviceServiceEventDto[];
}
