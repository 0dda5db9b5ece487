import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { canonicalTimeZone, CLINIC_LOCALES, isIanaTimeZone, type ClinicLocale } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { isPhoneCountry } from '../common/phone/phone-numbers';

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

/** ISO 3166-1 alpha-2, upper case, a country the phone metadata knows. */
export const IsCountryCode = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCountryCode',
    validator: {
      validate: (value: unknown) => isPhoneCountry(value),
      defaultMessage: (args) => `${args?.property} must be a two-letter country code such as US or GB`,
    },
  });

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CLINIC_LOCALES, description: "The clinic's English variant: dates, times and spelling (en-US: Dec 2, 2026, 10:30 AM; en-GB: 2 Dec 2026, 10:30)" })
  locale!: ClinicLocale;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '3f9a1c07b2de', description: 'How the public booking pages and API name the clinic (`?organization=`): no session there, so not the internal id' })
  publicBookingSlug!: string;
}

export class UpdateOrganizationDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ enum: CLINIC_LOCALES })
  @IsOptional()
  @IsIn(CLINIC_LOCALES, { message: `locale must be one of ${CLINIC_LOCALES.join(', ')}` })
  locale?: ClinicLocale;
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

  @ApiPropertyOptional({ example: '(718) 555-1141', description: "Stored E.164; a number without a country code is read in the location's country" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'US', description: "ISO 3166-1 alpha-2; defaults from the time zone (America/New_York → US). Reads phone numbers typed without a country code" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCountryCode()
  countryCode?: string;

  @ApiPropertyOptional({ type: 'number', nullable: true, minimum: -90, maximum: 90, example: 40.7033, description: 'WGS 84 degrees north; with longitude, or neither (null clears). The public booking page sorts locations by distance with them' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'latitude must be a number of degrees' })
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude?: number | null;

  @ApiPropertyOptional({ type: 'number', nullable: true, minimum: -180, maximum: 180, example: -74.0132, description: 'WGS 84 degrees east; with latitude, or neither (null clears)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'longitude must be a number of degrees' })
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude?: number | null;
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
  @ApiProperty({ description: 'E.164 (or, for a number older than E.164 storage that could not be read, as typed); empty when none' }) phone!: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' }) countryCode!: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'WGS 84 degrees north; null when not given' }) latitude!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'WGS 84 degrees east; null when not given' }) longitude!: number | null;
  @ApiProperty() isActive!: boolean;
}
