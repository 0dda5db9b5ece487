import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';

export class SecuritySettingsDto {
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, description: 'Staff of these roles must turn on two-step sign-in (TOTP) before anything else' })
  @IsArray()
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayUnique({ message: 'mfaRequiredRoles must not repeat a role' })
  @IsIn(STAFF_ROLES, { each: true, message: `each of mfaRequiredRoles must be one of ${STAFF_ROLES.join(', ')}` })
  mfaRequiredRoles!: StaffRole[];
}
