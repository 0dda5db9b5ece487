import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '../common/problems/domain-error';

/** Actions (confirm, cancel, reschedule) one manage link may take in an hour (issue 16). */
export const MANAGE_ACTIONS_PER_HOUR = 20;
const HOUR = 3_600_000;
/** Links remembered at most; beyond it the least recently used are forgotten first (each IP is limited anyway). */
const REMEMBERED_LINKS = 50_000;

/**
 * Per-link limit on the manage link's actions, on top of the per-IP limit of every public route: a forwarded or
 * leaked link cannot flood the patient with notices or churn the calendar from many addresses. In-process memory,
 * like the per-IP limiter (one API process per clinic server); keyed by the key's hash, never the key.
 */
@Injectable()
export class ManageLinkLimiter {
  private readonly taken = new Map<string, number[]>();

  /** Counts one action of the link, or refuses it with 429 and when to try again. */
  take(keyHash: string, now = Date.now()): void {
    const recent = (this.taken.get(keyHash) ?? []).filter((at) => at > now - HOUR);
    if (recent.length >= MANAGE_ACTIONS_PER_HOUR) {
      this.remember(keyHash, recent);
      throw new TooManyRequestsError(
        `At most ${MANAGE_ACTIONS_PER_HOUR} changes an hour can be made through this link: try again later, or call the clinic`,
        Math.max(1, Math.ceil((recent[0] + HOUR - now) / 1000)),
      );
    }
    recent.push(now);
    this.remember(keyHash, recent);
  }

  private remember(keyHash: string, times: number[]): void {
    this.taken.delete(keyHash);
    this.taken.set(keyHash, times);
    if (this.taken.size > REMEMBERED_LINKS) this.taken.delete(this.taken.keys().next().value as string);
  }
}
