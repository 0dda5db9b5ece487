import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TooManyRequestsError } from '../common/problems/domain-error';

/** Failed sign-ins allowed per window before further attempts are refused (per account and per IP). */
export const LOGIN_THROTTLE = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerIp: 30 };

/**
 * Slows password guessing. Counts live in PostgreSQL so several API instances share them. The account
 * limit is keyed on the email typed, known or not, so the answer never reveals whether it exists.
 */
@Injectable()
export class LoginThrottleService {
  async assertAllowed(manager: EntityManager, email: string, ip: string): Promise<void> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account_failures,
              count(*) FILTER (WHERE ip = $2)::int AS ip_failures
         FROM login_failures
        WHERE failed_at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, LOGIN_THROTTLE.windowMinutes],
    );
    if (row.account_failures >= LOGIN_THROTTLE.maxFailuresPerAccount || row.ip_failures >= LOGIN_THROTTLE.maxFailuresPerIp) {
      throw new TooManyRequestsError(
        `Too many failed sign-in attempts. Try again in ${LOGIN_THROTTLE.windowMinutes} minutes or ask an administrator.`,
        LOGIN_THROTTLE.windowMinutes * 60,
      );
    }
  }

  async recordFailure(manager: EntityManager, email: string, ip: string): Promise<void> {
    await manager.query(`INSERT INTO login_failures (email, ip) VALUES ($1, $2)`, [email, ip]);
    // Counts older than a day matter to no window; keep the table small as it goes.
    await manager.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
  }

  async clearAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE email = $1`, [email]);
  }
}
