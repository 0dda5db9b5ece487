import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { clearResponseCookie, setResponseCookie } from '../common/access/cookie-header';
import { CSRF_COOKIE, MFA_PENDING_COOKIE, MFA_PENDING_COOKIE_PATH, SESSION_COOKIE } from '../common/access/cookies';

@Injectable()
export class AuthCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  set(reply: FastifyReply, sessionToken: string, csrfToken: string): void {
    const common = { path: '/', sameSite: 'lax' as const, secure: this.config.secureCookies };
    const maxAge = this.config.sessionAbsoluteHours * 3600;
    setResponseCookie(reply, SESSION_COOKIE, sessionToken, { ...common, httpOnly: true, maxAge });
    setResponseCookie(reply, CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, maxAge });
  }

  setMfaPending(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
    setResponseCookie(reply, MFA_PENDING_COOKIE, token, {
      path: MFA_PENDING_COOKIE_PATH,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      httpOnly: true,
      maxAge: maxAgeSeconds,
    });
  }

  clearMfaPending(reply: FastifyReply): void {
    clearResponseCookie(reply, MFA_PENDING_COOKIE, { path: MFA_PENDING_COOKIE_PATH });
  }

  clear(reply: FastifyReply): void {
    clearResponseCookie(reply, SESSION_COOKIE, { path: '/' });
    clearResponseCookie(reply, CSRF_COOKIE, { path: '/' });
  }
}
