import { gtinCheckDigit, type Gs1Error } from '@skinledger/domain';
import { isApiError } from '@web/lib/api/ApiError';
import type { ScannedFields } from './inventoryTypes';

/** The fields the API read from a label whose GTIN is not on record (404 `scanned` extension), else null. */
export function unknownGtinScan(error: unknown): ScannedFields | null {
  if (!isApiError(error, 404) || !error.problem) return null;
  const scanned: unknown = (error.problem as Record<string, unknown>).scanned;
  if (typeof scanned !== 'object' || scanned === null) return null;
  const gtin: unknown = (scanned as Record<string, unknown>).gtin;
  return typeof gtin === 'string' ? (scanned as ScannedFields) : null;
}

/** A GS1 parse error in plain words; a wrong check digit says what it should have been. */
export function explainGs1Error(error: Gs1Error, input: string): string {
  if (error.code !== 'bad-check-digit') return error.message;
  const match = /\d{14}/.exec(input.replace(/[()]/g, ''));
  const digits = match?.[0];
  const expected = digits ? gtinCheckDigit(digits.slice(0, 13)) : null;
  return `${error.message}: the last digit of a GTIN is computed from the other 13${
    expected !== null ? ` (it should be ${expected})` : ''
  }, so a digit was misread or mistyped. Scan again or compare with the label.`;
}

/** Control characters made visible: the GS separator (ASCII 29) shows as ⟨GS⟩. */
export function showSeparators(code: string): string {
  return code.replaceAll('\u001d', '⟨GS⟩');
}
