import { parseIsoDate, type IsoDate } from '@skinledger/domain';

/** Whole years from a date of birth to a calendar date (a 29 February birthday counts from 1 March). */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  const born = parseIsoDate(dateOfBirth);
  const now = parseIsoDate(today);
  const hadBirthday = now.month > born.month || (now.month === born.month && now.day >= born.day);
  return now.year - born.year - (hadBirthday ? 0 : 1);
}
