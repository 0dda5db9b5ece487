import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An e-mail address. validator.js's isEmail throws URIError on text that is not well-formed UTF-16 (a lone
 * surrogate such as "a\uD800@x.com"), which surfaced as a 500: such text is simply not an address.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: (args) => `${args?.property} must be an email address`,
      },
    },
    options,
  );
}
