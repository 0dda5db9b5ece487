import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { LICENCE_TYPES, STAFF_ROLES, type LicenceType, type StaffRole } from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { IsEmailAddress } from '../common/dto/is-email-address';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PractitionerCredentialInput {
  @ApiProperty({ enum: LICENCE_TYPES })
  @IsIn(LICENCE_TYPES, { message: `licenceType must be one of ${LICENCE_TYPES.join(', ')}` })
  licenceType!: LicenceType;

  @ApiProperty({ example: 'RN-482913' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  licenceNumber!: string;

  @ApiProperty({ example: 'CA', description: 'Issuing state, province or country' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  jurisdiction!: string;

  @ApiProperty({ example: '2027-06-30', format: 'date' })
  @IsCalendarDate()
  expiresOn!: string;
}

export class CreateStaffMemberDto {
  @ApiProperty({ example: 'nurse@clinic.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dana Whitfield' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ type: [PractitionerCredentialInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PractitionerCredentialInput)
  credentials?: PractitionerCredentialInput[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('4', { message: 'defaultLocationId must be a location id' })
  defaultLocationId?: string | null;
}

export class UpdateStaffMemberDto extends PartialType(
  PickType(CreateStaffMemberDto, ['name', 'role', 'credentials', 'defaultLocationId', 'password'] as const),
) {}

export class PractitionerCredentialDto extends PractitionerCredentialInput {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Not expired today' }) current!: boolean;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) defaultLocationId!: string | null;
  @ApiProperty({ type: [PractitionerCredentialDto] }) credentials!: PractitionerCredentialDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Two-step sign-in (TOTP) is on' }) mfaEnabled!: boolean;
}

export class StaffListQueryDto {
  @ApiPropertyOptional({ description: 'Include deactivated accounts' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  includeInactive?: boolean;
}
