import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { StaffMember } from '../staff/staff-member.entity';
import { AuthSession } from './auth-session.entity';

export interface IssuedSession {
  session: AuthSession;
  token: string;
}

export interface ActiveSession {
  session: AuthSession;
  staffMember: StaffMember;
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
    staffMember: StaffMember,
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

  /** The live session behind a cookie token, or undefined when it is unknown, revoked, idle or expired. */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    const session = await this.dataSource.getRepository(AuthSession).findOneBy({
      tokenHash: hashToken(token),
      revokedAt: IsNull(),
    });
    if (!session) return undefined;
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (session.expiresAt.getTime() <= now || idleLimit <= now) {
      await this.revoke(this.dataSource.manager, session.id, session.expiresAt.getTime() <= now ? 'expired' : 'idle');
      return undefined;
    }
    const staffMember = await this.dataSource.getRepository(StaffMember).findOneBy({ id: session.staffMemberId });
    if (!staffMember || !staffMember.isActive) return undefined;
    // Touch at most once a minute: the idle clock needs minutes, not a write per request.
    if (now - session.lastSeenAt.getTime() > 60_000) {
      await this.dataSource.getRepository(AuthSession).update(session.id, { lastSeenAt: new Date(now) });
    }
    return { session, staffMember };
  }

  async revokeToken(manager: EntityManager, token: string, reason: string): Promise<void> {
    await manager.update(AuthSession, { tokenHash: hashToken(token), revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
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
