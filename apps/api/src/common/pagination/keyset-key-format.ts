import { RequestValidationError } from '../problems/validation';
import type { KeysetValue } from './keyset-cursor';

/**
 * What PostgreSQL will be asked to cast a cursor's key to: decodeKeysetCursor checks the JSON types, but a crafted
 * cursor could still carry "yesterday" as an instant or 1.5 as a bigint id, which the cast would refuse with a 500.
 */
export type KeyFormat = 'microsecond-instant' | 'calendar-date' | 'bigint-id' | 'any';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fits(value: KeysetValue, format: KeyFormat): boolean {
  switch (format) {
    case 'microsecond-instant':
      return typeof value === 'string' && INSTANT.test(value) && sameDay(value.slice(0, 10)) && Number(value.slice(11, 13)) < 24 && Number(value.slice(14, 16)) < 60 && Number(value.slice(17, 19)) < 60;
    case 'calendar-date':
      return typeof value === 'string' && DATE.test(value) && sameDay(value);
    case 'bigint-id':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
    case 'any':
      return true;
  }
}

/** A real calendar day (not 2026-02-30), in the years PostgreSQL and JavaScript both hold. */
function sameDay(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The decoded key, refused as a 400 on `after` when a part is not what its column holds. */
export function checkKeyFormat(key: KeysetValue[] | null, formats: readonly KeyFormat[]): KeysetValue[] | null {
  if (key !== null && !key.every((value, index) => fits(value, formats[index] ?? 'any'))) {
    throw new RequestValidationError([{ field: 'after', message: 'after must be the nextCursor of a previous page of this list' }]);
  }
  return key;
}
