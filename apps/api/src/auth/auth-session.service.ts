import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { beginRequestTransaction, endRequestTransaction } from '../database/request-transaction';
import { AuthSession } from './auth-session.entity';
import { resolveSessionStatement, revokeSessionTokenHash, type ResolvedSessionRow } from './sign-in.queries';
import type { ActiveSession } from '../common/access/session-resolver';

export interface IssuedSession {
  session: AuthSession;
  token: string;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Server-side sessions: revocable at once, with an idle and an absolute timeout. */
@Injectable()
export class AuthSessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    manager: EntityManager,
    staffMember: { id: string; organizationId: string },
    origin: { ip: string; userAgent: string | null },
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await manager.save(
      manager.create(AuthSession, {
        organizationId: staffMember.organizationId,
        staffMemberId: staffMember.id,
        tokenHash: hashToken(token),
        csrfToken: randomBytes(24).toString('base64url'),
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 500) ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3600_000),
      }),
    );
    return { session, token };
  }

  /**
   * The live session behind a cookie token, or undefined when it is unknown, revoked, idle or expired. Opens the
   * request's transaction and makes the one call of auth_resolve_session (SECURITY DEFINER: the organization is not
   * known yet), which also answers the clinic's two-step sign-in rule for the staff member and sets the transaction's
   * tenant: the whole sign-in check is that one statement, sent with START TRANSACTION in one round trip. A refused
   * session's transaction commits at once (an idle or expired session is marked ended).
   */
  async resolveForRequest(token: string): Promise<ActiveSession | undefined> {
    const { rows } = await beginRequestTransaction<ResolvedSessionRow>(this.dataSource, resolveSessionStatement(hashToken(token), this.config.sessionIdleMinutes));
    const [row] = rows;
    if (!row) {
      await endRequestTransaction(true);
      return undefined;
    }
    return {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      staffMemberId: row.staff_member_id,
      organizationId: row.organization_id,
      role: row.role,
      name: row.name,
      email: row.email,
      locale: row.locale,
      mfaEnrolmentMissing: row.mfa_enrolment_missing,
      clinicTimeZone: row.time_zone,
    };
  }

  /** Ends the session behind a token whoever's it is (a browser's previous sign-in, maybe of another organization). */
  async revokeToken(manager: EntityManager, token: string, reason: string): Promise<void> {
    await revokeSessionTokenHash(manager, hashToken(token), reason);
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(AuthSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Ends every open session of the account, except the one given (the session making the change). */
  async revokeAllFor(manager: EntityManager, staffMemberId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const result = await manager.update(
      AuthSession,
      { staffMemberId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }
}
