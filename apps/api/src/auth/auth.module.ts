import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../common/access/access.guard';
import { SESSION_RESOLVER } from '../common/access/session-resolver';
import { SettingsModule } from '../settings/settings.module';
import { STAFF_ACCOUNT_SECURITY } from '../staff/staff-account-security';
import { StaffModule } from '../staff/staff.module';
import { AuthCookies } from './auth-cookies';
import { AuthSessionService } from './auth-session.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { MfaController } from './mfa/mfa.controller';
import { MfaEnforcement } from './mfa/mfa-enforcement';
import { MfaSecretCipher } from './mfa/mfa-secret-cipher';
import { MfaService } from './mfa/mfa.service';
import { PasswordConfirmationService } from './password-confirmation.service';
import { AuthSessionResolver } from './session-resolver.provider';
import { AuthStaffAccountSecurity } from './staff-account-security.provider';

/**
 * Sign-in: sessions, the throttle, password re-confirmation, two-step sign-in. Reads accounts through staff's
 * StaffService and the security setting through OrganizationSettingsService; gives the access kernel its
 * SESSION_RESOLVER and the staff screens their STAFF_ACCOUNT_SECURITY (global, so staff needs no import of auth).
 */
@Global()
@Module({
  imports: [StaffModule, SettingsModule],
  controllers: [AuthController, MfaController],
  providers: [
    AuthService,
    AuthSessionService,
    AuthCookies,
    LoginThrottleService,
    PasswordConfirmationService,
    MfaSecretCipher,
    MfaService,
    MfaEnforcement,
    { provide: SESSION_RESOLVER, useClass: AuthSessionResolver },
    { provide: STAFF_ACCOUNT_SECURITY, useClass: AuthStaffAccountSecurity },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordConfirmationService, STAFF_ACCOUNT_SECURITY],
})
export class AuthModule {}
