import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

const SIX_DIGITS = /^\s*\d{3}\s?\d{3}\s*$/;

export class EnrollTotpDto {
  @ApiProperty({ description: 'Your password again: a borrowed session must not enrol its own phone' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;
}

export class TotpEnrollmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into the app when the QR code cannot be scanned' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/SkinLedger:owner%40clinic.example?issuer=SkinLedger&secret=...&algorithm=SHA1&digits=6&period=30' })
  otpauthUri!: string;
}

export class ActivateTotpDto {
  @ApiProperty({ example: '123456', description: 'The current code of the authenticator app' })
  @IsString()
  @Matches(SIX_DIGITS, { message: 'code must be the 6 digits of your authenticator app' })
  code!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes for when the phone is lost; shown only this once' })
  recoveryCodes!: string[];
}

export class DisableTotpDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((o: DisableTotpDto) => o.recoveryCode === undefined || o.code !== undefined)
  @IsString()
  @Matches(SIX_DIGITS, { message: 'code must be the 6 digits of your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ description: 'A recovery code instead of the app code' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  recoveryCode?: string;
}

export class MfaStatusDto {
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty() recoveryCodesRemaining!: number;
  @ApiProperty({ description: 'The clinic requires MFA for your role and it is not on yet' }) enrollmentRequired!: boolean;
}
