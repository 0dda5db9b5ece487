import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { canonicalTimeZone, isIanaTimeZone } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, MaxLength, ValidateBy } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A known IANA time zone, stored in its canonical spelling. */
export const IsTimeZone = (): PropertyDecorator => (target, key) => {
  Transform(({ value }) => (typeof value === 'string' && isIanaTimeZone(value) ? canonicalTimeZone(value) : value))(target, key);
  IsKnownTimeZone()(target, key);
};

const IsKnownTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIanaTimeZone(value),
      defaultMessage: (args) => `${args?.property} must be an IANA time zone such as Europe/London or America/New_York`,
    },
  });

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UpdateOrganizationDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class CreateLocationDto {
  @ApiProperty({ example: 'Harbour Street Clinic' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone()
  timezone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class UpdateLocationDto extends PartialType(CreateLocationDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class LocationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() address!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() isActive!: boolean;
}
