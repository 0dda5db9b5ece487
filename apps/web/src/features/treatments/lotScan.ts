import { parseGs1 } from '@skinledger/domain';
import type { Lot } from './treatmentTypes';

export type LotScanResult = { ok: true; lot: Lot } | { ok: false; message: string };

/**
 * Finds the lot a scanned cartridge label (GS1 UDI: GTIN, expiry, lot; domain.md section 10) names among the lots at
 * the location: same lot number, and the same GTIN when the product has one.
 */
export function matchScannedLot(code: string, lots: readonly Lot[]): LotScanResult {
  const parsed = parseGs1(code.trim());
  if (!parsed.ok) return { ok: false, message: parsed.errors.map((e) => e.message).join('; ') };
  const { gtin, lot: lotNumber } = parsed.value;
  if (!lotNumber) return { ok: false, message: 'The label has no lot number (10)' };
  const matches = lots.filter((l) => l.lotNumber === lotNumber && (!l.product.gtin || l.product.gtin === gtin));
  if (matches.length === 0) return { ok: false, message: `Lot ${lotNumber} is not in stock here (GTIN ${gtin})` };
  return { ok: true, lot: matches[0] };
}
