import type { Schemas } from '@skinledger/api-client';
import { WEEKDAYS } from './schedulingVocabulary';

/** One weekday of the weekly-hours form: whether they work, and from when to when (wall clock at the location). */
export interface WorkingDay {
  on: boolean;
  startsAt: string;
  endsAt: string;
}

const DAY_OFF: WorkingDay = { on: false, startsAt: '09:00', endsAt: '17:00' };

export const daysOff = (): WorkingDay[] => WEEKDAYS.map(() => ({ ...DAY_OFF }));

/** The week at one location, Monday first, from the practitioner's blocks at every location. */
export function workingDaysAt(blocks: readonly Schemas['WorkingHoursBlockDto'][], locationId: string): WorkingDay[] {
  return WEEKDAYS.map((_, i) => {
    const block = blocks.find((b) => b.locationId === locationId && b.weekday === i + 1);
    return block ? { on: true, startsAt: block.startsAt, endsAt: block.endsAt } : { ...DAY_OFF };
  });
}

/** The days worked as the API's weekly blocks (ISO weekday numbers). */
export function weeklyBlocks(days: readonly WorkingDay[]): Schemas['WeeklyBlockDto'][] {
  return days.flatMap((d, i) => (d.on ? [{ weekday: i + 1, startsAt: d.startsAt, endsAt: d.endsAt }] : []));
}
