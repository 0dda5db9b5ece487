import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthCookies } from './auth-cookies';
import { AuthSessionService } from './auth-session.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordConfirmationService } from './password-confirmation.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, AuthSessionService, AuthCookies, LoginThrottleService, PasswordConfirmationService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthSessionService, PasswordConfirmationService],
})
export class AuthModule {}
