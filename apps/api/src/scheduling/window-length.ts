import { InvalidFieldError } from '../common/problems/domain-error';

/**
 * A window of N days on the clinic's calendar is N × 24 h long, except across the autumn daylight-saving change,
 * when it is an hour longer (Lord Howe's half hour included). The dashboard asks for "the next 14 days" as 14 local
 * days: measured in bare hours, every such request in the two weeks before the change was refused, and the schedule's
 * freed-slot panel said nothing had been freed.
 */
const DAYLIGHT_SAVING_SLACK_MS = 3_600_000;

/** `to` at most `days` calendar days after `from` (400 naming `to` otherwise). */
export function assertWithinDays(from: Date, to: Date, days: number): void {
  if (to.getTime() - from.getTime() > days * 86_400_000 + DAYLIGHT_SAVING_SLACK_MS) throw new InvalidFieldError('to', `at most ${days} days after from`);
}
