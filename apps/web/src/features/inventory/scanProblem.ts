import type { Gs1Error } from '@skinledger/domain';
import { isApiError } from '@web/lib/api/ApiError';
import type { ScannedFields } from './inventoryTypes';

/**
 * The fields the API read from a label whose product is not on record (404 `scanned` extension: a GTIN, or an HIBC
 * device id), else null.
 */
export function unknownProductScan(error: unknown): ScannedFields | null {
  if (!isApiError(error, 404) || !error.problem) return null;
  const scanned: unknown = (error.problem as Record<string, unknown>).scanned;
  if (typeof scanned !== 'object' || scanned === null) return null;
  const { gtin, hibcDeviceId } = scanned as Record<string, unknown>;
  return typeof gtin === 'string' || typeof hibcDeviceId === 'string' ? (scanned as ScannedFields) : null;
}

/**
 * A GS1 parse error in plain words. A wrong check digit names the right one, which the parser computes from the
 * GTIN it read (whatever symbology prefix, FNC1, AI order or parentheses the input had), never from the raw text.
 */
export function explainGs1Error(error: Gs1Error): string {
  if (error.code === 'not-gs1') return `${error.message}. Scan the GS1 or HIBC code on the box, or type it as printed.`;
  if (error.code !== 'bad-check-digit' || error.gtin === undefined) return error.message;
  return `${error.message}. The last digit of a GTIN is computed from the others, so a digit was misread or mistyped. Scan again or compare with the label.`;
}

/** Control characters made visible: the GS separator (ASCII 29) shows as ⟨GS⟩. */
export function showSeparators(code: string): string {
  return code.replaceAll('\u001d', '⟨GS⟩');
}
