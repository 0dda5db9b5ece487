import { parseUdi } from '@skinledger/domain';
import type { Lot } from './treatmentTypes';

export type LotScanResult = { ok: true; lot: Lot } | { ok: false; message: string };

/**
 * Finds the lot a scanned cartridge label (GS1 UDI: GTIN, expiry, lot; or HIBC; domain.md section 10) names among the
 * lots that may be used at the location: same lot number, and for a GS1 label the same GTIN when the product has one.
 */
export function matchScannedLot(code: string, lots: readonly Lot[]): LotScanResult {
  const parsed = parseUdi(code.trim());
  if (!parsed.ok) return { ok: false, message: parsed.errors.map((e) => e.message).join('; ') };
  const udi = parsed.value;
  const lotNumber = udi.lot;
  if (!lotNumber) return { ok: false, message: udi.kind === 'gs1' ? 'The label has no lot number (10)' : 'The label has no lot number' };
  const gtin = udi.kind === 'gs1' ? udi.gtin : null;
  const matches = lots.filter((l) => l.lotNumber === lotNumber && (!gtin || !l.product.gtin || l.product.gtin === gtin));
  const product = gtin ? `GTIN ${gtin}` : `HIBC ${udi.kind === 'hibc' ? udi.deviceId : ''}`;
  if (matches.length === 0) return { ok: false, message: `Lot ${lotNumber} cannot be used here: not in stock, or expired, recalled or quarantined (${product})` };
  return { ok: true, lot: matches[0] };
}
