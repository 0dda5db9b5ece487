import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `maxDecimalPlaces` decimals. class-validator's `IsNumber({ maxDecimalPlaces })`
 * splits `String(value)` on "." and throws on numbers printed in exponent form (`4e-323`), which surfaced as a 500.
 */
export function isDecimalNumber(value: unknown, maxDecimalPlaces: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(maxDecimalPlaces)) === value;
}

export function IsDecimalNumber(maxDecimalPlaces: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalNumber',
      constraints: [maxDecimalPlaces],
      validator: {
        validate: (value: unknown) => isDecimalNumber(value, maxDecimalPlaces),
        defaultMessage: (args) => `${args?.property} must be a number with at most ${maxDecimalPlaces} decimals`,
      },
    },
    options,
  );
}
