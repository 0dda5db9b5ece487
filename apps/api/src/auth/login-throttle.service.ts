import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TooManyRequestsError } from '../common/problems/domain-error';
import { accountFailures, ipFailureBeyondCeiling, pruneOldFailures, recordFailure, clearAccountFailures, type FailureKind } from './login-throttle.queries';

/**
 * Per account: after `freeFailures` failures in a row, each further attempt waits `baseDelaySeconds` doubled per
 * extra failure, at most `maxDelaySeconds`: slow enough to stop guessing, never a permanent lock-out. Per IP: a far
 * higher ceiling (a whole clinic behind one NAT shares an IP, so one person's typos or a guesser trying other
 * e-mails must not lock everyone out).
 */
export const LOGIN_THROTTLE = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  ipWindowMinutes: 15,
  maxFailuresPerIp: 100,
};

/** Seconds an account must wait after `failures` failures in a row, the last one `sinceLastSeconds` ago (0: go ahead). */
export function accountDelaySeconds(failures: number, sinceLastSeconds: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  const delay = Math.min(LOGIN_THROTTLE.baseDelaySeconds * 2 ** (failures - LOGIN_THROTTLE.freeFailures), LOGIN_THROTTLE.maxDelaySeconds);
  return Math.max(0, Math.ceil(delay - sinceLastSeconds));
}

/**
 * Slows password and code guessing. Counts live in PostgreSQL so several API instances share them. Sign-in is keyed
 * on the e-mail typed, known or not, so the answer never reveals whether an account exists. Password
 * re-confirmations by a signed-in user (signing, witnessing, leaving the kiosk, changing the password, MFA
 * enrolment) keep their own counter: a patient fumbling at the kiosk never blocks the clinician's sign-in.
 */
@Injectable()
export class LoginThrottleService {
  async assertAllowed(manager: EntityManager, email: string, ip: string, kind: FailureKind = 'sign_in'): Promise<void> {
    const account = await accountFailures(manager, kind, email);
    const wait = accountDelaySeconds(account.failures, account.sinceLastSeconds);
    if (wait > 0) {
      throw new TooManyRequestsError(`Too many failed attempts for this account. Try again in ${describeSeconds(wait)}.`, wait);
    }
    if (kind !== 'sign_in') return;
    const ipWait = await ipFailureBeyondCeiling(manager, ip, LOGIN_THROTTLE.maxFailuresPerIp, LOGIN_THROTTLE.ipWindowMinutes);
    if (ipWait !== null) {
      throw new TooManyRequestsError(`Too many failed sign-ins from this network. Try again in ${describeSeconds(ipWait)}.`, ipWait);
    }
  }

  /** Call with a manager whose transaction commits although the request fails (the failure must count). */
  async recordFailure(manager: EntityManager, email: string, ip: string, kind: FailureKind = 'sign_in'): Promise<void> {
    await recordFailure(manager, kind, email, ip);
    await pruneOldFailures(manager);
  }

  /** A success ends the account's run of failures (the IP's failures stay counted). */
  async clearAccount(manager: EntityManager, email: string, kind: FailureKind = 'sign_in'): Promise<void> {
    await clearAccountFailures(manager, kind, email);
  }
}

function describeSeconds(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
