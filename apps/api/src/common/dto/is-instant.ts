import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or a ±HH:MM offset: an unambiguous instant that JavaScript's Date reads. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The shape above, and every part within its range with the date a real calendar day (validator's strict ISO 8601
 * check, through class-validator): Date.parse alone rolls 24:00 into the next day and 30 February into 2 March, a
 * time or a date the sender did not write.
 */
function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true, strictSeparator: true }) && !Number.isNaN(Date.parse(value));
}

/**
 * An instant written as an ISO 8601 date-time with its offset. Week dates, ordinal dates, basic format, times
 * without an offset (which would be read in the server's own zone) and parts out of range are refused with a 400,
 * never a 500 later and never read as another time.
 */
export function IsInstant(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () => `${field} must be an ISO 8601 date-time with offset, e.g. 2026-03-09T09:00:00-04:00 or 2026-03-09T13:00:00Z`,
      },
    },
    options,
  );
}
