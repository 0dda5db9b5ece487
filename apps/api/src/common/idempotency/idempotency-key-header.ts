import { InvalidFieldError } from '../problems/domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Printable ASCII, 1–255 characters (UUIDs are the usual choice). */
const KEY = /^[\x20-\x7E]{1,255}$/;

/**
 * The key from the header, or undefined when absent. The draft sends it as a structured-field string
 * (`Idempotency-Key: "8e03978e-…"`); the bare token form is accepted too.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new InvalidFieldError(IDEMPOTENCY_KEY_HEADER, 'must be sent once');
  const quoted = /^"(.*)"$/.exec(header);
  const key = quoted ? quoted[1] : header;
  if (!KEY.test(key) || (quoted && /["\\]/.test(key))) {
    throw new InvalidFieldError(IDEMPOTENCY_KEY_HEADER, 'must be 1 to 255 printable ASCII characters');
  }
  return key;
}
