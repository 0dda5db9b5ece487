import { Injectable } from '@nestjs/common';
import type { ActiveSession, SessionResolver } from '../common/access/session-resolver';
import { AuthSessionService } from './auth-session.service';

/** The sign-in feature's answer to the access kernel: the session, with the clinic's MFA rule, from AuthSessionService. */
@Injectable()
export class AuthSessionResolver implements SessionResolver {
  constructor(private readonly sessions: AuthSessionService) {}

  resolveForRequest(token: string): Promise<ActiveSession | undefined> {
    return this.sessions.resolveForRequest(token);
  }
}
