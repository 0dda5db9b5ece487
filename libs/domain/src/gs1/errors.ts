import type { Gs1ErrorCode } from '../codes/inventory';

export interface Gs1Error {
  /** The application identifier the error concerns, when known. */
  ai?: string;
  code: Gs1ErrorCode;
  message: string;
  /** For `bad-check-digit` on (01): the GTIN as read from the label (after prefix, AI and parentheses are removed). */
  gtin?: string;
  /** For `bad-check-digit`: the check digit the other digits call for. */
  expectedCheckDigit?: number;
}
