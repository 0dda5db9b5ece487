import { ValidateBy, type ValidationOptions } from 'class-validator';

/** YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or a ±HH:MM offset: an unambiguous instant that JavaScript's Date reads. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant written as an ISO 8601 date-time with its offset. Week dates, ordinal dates, basic format and times
 * without an offset (which would be read in the server's own zone) are refused with a 400, never a 500 later.
 */
export function IsInstant(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: () => `${field} must be an ISO 8601 date-time with offset, e.g. 2026-03-09T09:00:00-04:00 or 2026-03-09T13:00:00Z`,
      },
    },
    options,
  );
}
