import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { CSRF_COOKIE, MFA_PENDING_COOKIE, MFA_PENDING_COOKIE_PATH, SESSION_COOKIE } from '../common/access/cookies';

@Injectable()
export class AuthCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  set(reply: FastifyReply, sessionToken: string, csrfToken: string): void {
    const common = { path: '/', sameSite: 'lax' as const, secure: this.config.secureCookies };
    const maxAge = this.config.sessionAbsoluteHours * 3600;
    void reply.setCookie(SESSION_COOKIE, sessionToken, { ...common, httpOnly: true, maxAge });
    void reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, maxAge });
  }

  setMfaPending(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
    void reply.setCookie(MFA_PENDING_COOKIE, token, {
      path: MFA_PENDING_COOKIE_PATH,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      httpOnly: true,
      maxAge: maxAgeSeconds,
    });
  }

  clearMfaPending(reply: FastifyReply): void {
    void reply.clearCookie(MFA_PENDING_COOKIE, { path: MFA_PENDING_COOKIE_PATH });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }
}
