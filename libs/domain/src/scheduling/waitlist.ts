import type { WaitlistRuleCode } from '../codes';
import { compareIsoDates, daysBetween, type IsoDate } from '../dates';

/**
 * The waitlist (issue 13): a patient waits for a service at a location, optionally with one practitioner, on any day
 * of a date range (the location's calendar days, both ends included). Stored statuses move waiting -> offered ->
 * booked, or to removed; an entry whose range is over is shown as expired and no longer matched, whatever it stored.
 */
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'removed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** What the front desk sees: the stored status, or `expired` once the range is over for an open entry. */
export const WAITLIST_STATES = [...WAITLIST_STATUSES, 'expired'] as const;
export type WaitlistState = (typeof WAITLIST_STATES)[number];

/** A range longer than this is a standing wish, not a waitlist entry. */
export const MAX_WAITLIST_RANGE_DAYS = 366;

/** Why a freed slot exists: the appointment holding it was cancelled, missed, or moved elsewhere. */
export const FREED_SLOT_CAUSES = ['cancelled', 'no_show', 'rescheduled'] as const;
export type FreedSlotCause = (typeof FREED_SLOT_CAUSES)[number];

/** A type, not an interface: it is a RuleViolation (an open record) where the API reports it. */
export type WaitlistViolation = {
  code: WaitlistRuleCode;
  message: string;
};

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** "March 12, 2026" for 2026-03-12 (a calendar day, no zone involved). */
export function readableIsoDate(date: IsoDate): string {
  return longDate.format(new Date(`${date}T12:00:00Z`));
}

/** An entry still open (waiting or offered) whose last day has passed on the location's calendar is expired. */
export function waitlistEntryState(entry: { status: WaitlistStatus; latestOn: IsoDate }, today: IsoDate): WaitlistState {
  if ((entry.status === 'waiting' || entry.status === 'offered') && compareIsoDates(entry.latestOn, today) < 0) return 'expired';
  return entry.status;
}

/** Whether the entry may still be offered a slot: open and not expired. */
export function isWaitlistEntryOpen(entry: { status: WaitlistStatus; latestOn: IsoDate }, today: IsoDate): boolean {
  const state = waitlistEntryState(entry, today);
  return state === 'waiting' || state === 'offered';
}

/** The range rules of a new entry: not over before it starts, at most a year long (the order is a 400 on the field). */
export function waitlistRangeViolations(range: { earliestOn: IsoDate; latestOn: IsoDate }, today: IsoDate): WaitlistViolation[] {
  const v: WaitlistViolation[] = [];
  if (compareIsoDates(range.latestOn, today) < 0) {
    v.push({ code: 'waitlist-range-over', message: `The range ended on ${readableIsoDate(range.latestOn)}: choose days from today on` });
  }
  if (daysBetween(range.earliestOn, range.latestOn) + 1 > MAX_WAITLIST_RANGE_DAYS) {
    v.push({ code: 'waitlist-range-too-long', message: `The range spans more than ${MAX_WAITLIST_RANGE_DAYS} days: put the patient on the waitlist for at most a year` });
  }
  return v;
}

/**
 * Whether an open entry wants a freed slot: same location, the slot's day inside its range, and its practitioner
 * (if it named one) the slot's. Whether the entry's service fits the freed time is the availability engine's answer.
 */
export function waitlistEntryWantsSlot(
  entry: { status: WaitlistStatus; locationId: string; practitionerId: string | null; earliestOn: IsoDate; latestOn: IsoDate },
  slot: { locationId: string; practitionerId: string; localDate: IsoDate },
  today: IsoDate,
): boolean {
  if (!isWaitlistEntryOpen(entry, today)) return false;
  if (entry.locationId !== slot.locationId) return false;
  if (entry.practitionerId !== null && entry.practitionerId !== slot.practitionerId) return false;
  return compareIsoDates(entry.earliestOn, slot.localDate) <= 0 && compareIsoDates(slot.localDate, entry.latestOn) <= 0;
}
