import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CLINIC_LOCALES, PERMISSIONS, STAFF_ROLES, type ClinicLocale, type Permission, type StaffRole } from '@skinledger/domain';
import { IsEmailAddress } from '../common/dto/is-email-address';

export class LoginDto {
  @ApiProperty({ example: 'owner@clinic.example' })
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;
}

export class CurrentUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: CLINIC_LOCALES, description: "The clinic's English variant: how dates, times and words are written" })
  organizationLocale!: ClinicLocale;
  @ApiProperty({ enum: PERMISSIONS, isArray: true, description: 'Actions this role may perform (the permission matrix)' })
  permissions!: Permission[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) defaultLocationId!: string | null;
  @ApiProperty({ description: 'Two-step sign-in (TOTP) is on for this account' }) mfaEnabled!: boolean;
  @ApiProperty({ description: 'The clinic requires MFA for this role and it is not on yet: every route but enrolment, me and sign-out answers 403 mfa-enrollment-required' })
  mfaEnrollmentRequired!: boolean;
}

export class MfaRequiredDto {
  @ApiProperty({ enum: [true], description: 'The password was right; send the code to POST /api/auth/login/mfa (the pending step is in an httpOnly cookie for 5 minutes)' })
  mfaRequired!: true;
}

/** Exactly one of the two. */
export class MfaLoginDto {
  @ApiPropertyOptional({ example: '123456', description: 'The 6-digit code of the authenticator app' })
  @ValidateIf((o: MfaLoginDto) => o.recoveryCode === undefined || o.code !== undefined)
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be the 6 digits of your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ example: 'abcd-efgh-jkmn-pqrs', description: 'One of the recovery codes shown at enrolment (single use)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  recoveryCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(200)
  newPassword!: string;
}
