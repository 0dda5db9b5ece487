import type { DeviceUseCode, LotUseCode } from '../codes/inventory';
import type { IsoDate } from '../dates';
import { readable, type Readable } from '../locale/readable';

/** What a clinic stocks (domain.md section 9): cartridges are single use and tracked by lot. */
export const PRODUCT_KINDS = ['needle_cartridge', 'anesthetic', 'serum', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Every stock change is one of these movements; on-hand is their sum. */
export const STOCK_MOVEMENT_TYPES = ['received', 'used', 'wasted', 'adjusted', 'transferred', 'returned'] as const;
export type StockMovementType = (typeof STOCK_MOVEMENT_TYPES)[number];

/** The movements staff record by hand; `received` has its own routes and `used` comes from a treatment session. */
export const MANUAL_MOVEMENT_TYPES = ['wasted', 'adjusted', 'transferred', 'returned'] as const;
export type ManualMovementType = (typeof MANUAL_MOVEMENT_TYPES)[number];

export const WASTE_REASONS = ['dropped', 'packaging_damaged', 'contaminated', 'expired', 'other'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];

/** Stored on the lot; `expired` and `depleted` are derived from the date and the stock. */
export const LOT_HOLD_STATUSES = ['available', 'quarantined', 'recalled'] as const;
export type LotHoldStatus = (typeof LOT_HOLD_STATUSES)[number];
export const LOT_STATUSES = ['available', 'quarantined', 'recalled', 'expired', 'depleted'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** FDA recall classes (domain.md section 10). */
export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type RecallClass = (typeof RECALL_CLASSES)[number];

export const DEVICE_STATUSES = ['active', 'out_of_service', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const DEVICE_SERVICE_KINDS = ['inspection', 'maintenance', 'repair', 'calibration', 'other'] as const;
export type DeviceServiceKind = (typeof DEVICE_SERVICE_KINDS)[number];

/**
 * A lot is usable through its expiry date and expired from the day after (the label's date is the last day of use).
 * `onDate` is the calendar date at the location where the stock is.
 */
export function isLotExpired(expiresOn: IsoDate, onDate: IsoDate): boolean {
  return onDate > expiresOn;
}

/** The lot's status at a location: a hold (recall, quarantine) wins over expiry, expiry over an empty shelf. */
export function lotStatus(lot: { holdStatus: LotHoldStatus; expiresOn: IsoDate }, onHand: number, onDate: IsoDate): LotStatus {
  if (lot.holdStatus !== 'available') return lot.holdStatus;
  if (isLotExpired(lot.expiresOn, onDate)) return 'expired';
  if (onHand <= 0) return 'depleted';
  return 'available';
}

export interface LotUseBlocker {
  code: LotUseCode;
  message: string;
}

/**
 * Why a lot may not be used on a patient or moved to another location on `onDate` (domain.md section 9). Wasting and
 * returning to the supplier are always allowed: they are how bad stock leaves the shelf.
 */
export function lotUseBlockers(
  lot: { holdStatus: LotHoldStatus; expiresOn: IsoDate; lotNumber: string },
  onDate: IsoDate,
  words: Readable = readable(),
): LotUseBlocker[] {
  const blockers: LotUseBlocker[] = [];
  if (lot.holdStatus === 'recalled') blockers.push({ code: 'lot-recalled', message: `Lot ${lot.lotNumber} is recalled` });
  if (lot.holdStatus === 'quarantined') blockers.push({ code: 'lot-quarantined', message: `Lot ${lot.lotNumber} is quarantined` });
  if (isLotExpired(lot.expiresOn, onDate)) {
    blockers.push({ code: 'lot-expired', message: `Lot ${lot.lotNumber} expired on ${words.date(lot.expiresOn)}` });
  }
  return blockers;
}

/** Signed effect of a movement on the on-hand count at its location (transfers: out at the source, in at the target). */
export function movementDelta(type: StockMovementType, quantity: number, direction?: 'in' | 'out' | null): number {
  switch (type) {
    case 'received':
    case 'adjusted':
      return quantity;
    case 'transferred':
      return direction === 'in' ? quantity : -quantity;
    default:
      return -quantity;
  }
}

export interface DeviceUseBlocker {
  code: DeviceUseCode;
  message: string;
}

/**
 * Why a pen handpiece may not treat a patient (domain.md section 9): only an active device does, and only at the
 * location it is kept at (when a location is given).
 */
export function deviceUseBlockers(
  device: { serialNumber: string; status: DeviceStatus; statusReason: string | null; locationId: string },
  atLocationId?: string,
): DeviceUseBlocker[] {
  if (device.status !== 'active') {
    return [
      {
        code: device.status === 'retired' ? 'device-retired' : 'device-out-of-service',
        message: `Device ${device.serialNumber} is ${device.status.replaceAll('_', ' ')}${device.statusReason ? `: ${device.statusReason}` : ''}`,
      },
    ];
  }
  if (atLocationId && device.locationId !== atLocationId) {
    return [{ code: 'device-elsewhere', message: `Device ${device.serialNumber} is registered at another location` }];
  }
  return [];
}
