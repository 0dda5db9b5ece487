import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../common/access/access.guard';
import { SESSION_RESOLVER } from '../common/access/session-resolver';
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

@Global()
@Module({
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
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthSessionService, PasswordConfirmationService, MfaService],
})
export class AuthModule {}
