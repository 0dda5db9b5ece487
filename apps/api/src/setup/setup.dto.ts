import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { IsCountryCode, IsTimeZone } from '../organizations/organization.dto';
import { IsEmailAddress } from '../common/dto/is-email-address';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SetupDto {
  @ApiProperty({ example: 'Harbour Skin Clinic' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  organizationName!: string;

  @ApiProperty({ example: 'Harbour Street' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  locationName!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone()
  timezone!: string;

  @ApiPropertyOptional({ example: 'US', description: "The first location's country (ISO 3166-1 alpha-2); defaults from the time zone. Sets the clinic's English variant (US: en-US, elsewhere en-GB)" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCountryCode()
  countryCode?: string;

  @ApiProperty({ example: 'Dr. Maya Okafor' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  adminName!: string;

  @ApiProperty({ example: 'owner@clinic.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmailAddress({ message: 'adminEmail must be an email address' })
  @MaxLength(254)
  adminEmail!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'adminPassword must be at least 12 characters' })
  @MaxLength(200)
  adminPassword!: string;
}

export class SetupStatusDto {
  @ApiProperty({ description: 'True until the first account exists' }) needsSetup!: boolean;
}

export class SetupResultDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
}
