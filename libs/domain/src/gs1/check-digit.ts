/**
 * GS1 mod-10 check digits (domain.md section 10: GTIN is 14 digits with a mod-10 check digit).
 * From the rightmost data digit leftwards, digits are weighted 3, 1, 3, 1, ...; the check digit brings the
 * weighted sum up to a multiple of 10. Leading zeros do not change it, so GTIN-8/12/13 pad to GTIN-14.
 */

const DIGITS = /^\d+$/;

/** The check digit for any run of data digits. */
export function gs1CheckDigit(dataDigits: string): number {
  if (!DIGITS.test(dataDigits)) throw new RangeError(`Expected digits, got "${dataDigits}"`);
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The check digit of a GTIN-14 from its first 13 digits. */
export function gtinCheckDigit(digits13: string): number {
  if (!/^\d{13}$/.test(digits13)) throw new RangeError(`Expected 13 digits, got "${digits13}"`);
  return gs1CheckDigit(digits13);
}

const GTIN_LENGTHS = [8, 12, 13, 14];

/** True for a GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  if (!DIGITS.test(gtin) || !GTIN_LENGTHS.includes(gtin.length)) return false;
  return gs1CheckDigit(gtin.slice(0, -1)) === Number(gtin[gtin.length - 1]);
}

/** A valid GTIN-8/12/13/14 as a 14-digit GTIN (left-padded with zeros), or null when it is not valid. */
export function normalizeGtin(gtin: string): string | null {
  const trimmed = gtin.trim();
  return isValidGtin(trimmed) ? trimmed.padStart(14, '0') : null;
}
