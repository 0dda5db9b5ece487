import { isValidGtin } from '@skinledger/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

type TransformArgs = { value: unknown };

/** Trims and collapses inner whitespace; leaves non-strings for the validators to refuse. */
export const clean = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);
/** Like clean, and an empty string means "none" (null). */
export const cleanOrNull = ({ value }: TransformArgs) => {
  const cleaned = clean({ value });
  return cleaned === '' ? null : cleaned;
};
/** Query strings arrive as text; numbers are converted when they look like one, otherwise left for the validator. */
export const queryInteger = ({ value }: TransformArgs) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** A GTIN-8, -12, -13 or -14 with a correct check digit (stored padded to 14 digits). */
export function IsGtin(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGtin',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidGtin(value),
        defaultMessage: (args) => `${args?.property} must be a GTIN of 8, 12, 13 or 14 digits with a correct check digit`,
      },
    },
    options,
  );
}

/** A GS1 lot number: 1-20 characters of the GS1 character set 82 (letters, digits and a few symbols, no spaces). */
export function IsLotNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLotNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/.test(value),
        defaultMessage: (args) => `${args?.property} must be 1 to 20 letters, digits or GS1 symbols, without spaces`,
      },
    },
    options,
  );
}
