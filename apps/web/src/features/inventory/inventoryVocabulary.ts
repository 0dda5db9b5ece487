import type {
  DeviceServiceKind,
  DeviceStatus,
  LotStatus,
  ProductKind,
  RecallClass,
  StockMovementType,
  WasteReason,
} from '@skinledger/domain';
import { spelled } from '@web/lib/words/clinicWords';

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = spelled({
  needle_cartridge: 'Needle cartridge',
  anesthetic: 'Anaesthetic',
  serum: 'Serum',
  other: 'Other',
});

export const MOVEMENT_TYPE_LABELS: Record<StockMovementType, string> = {
  received: 'Received',
  used: 'Used',
  wasted: 'Wasted',
  adjusted: 'Adjusted',
  transferred: 'Transferred',
  returned: 'Returned',
};

export const WASTE_REASON_LABELS: Record<WasteReason, string> = {
  dropped: 'Dropped',
  packaging_damaged: 'Packaging damaged',
  contaminated: 'Contaminated',
  expired: 'Expired',
  other: 'Other',
};

export const LOT_STATUS_LOOK: Record<LotStatus, { label: string; color: string }> = {
  available: { label: 'Available', color: 'green' },
  quarantined: { label: 'Quarantined', color: 'grape' },
  recalled: { label: 'Recalled', color: 'red' },
  expired: { label: 'Expired', color: 'orange' },
  depleted: { label: 'Depleted', color: 'slate' },
};

/** FDA recall classes, domain.md section 10. */
export const RECALL_CLASS_MEANINGS: Record<RecallClass, string> = {
  I: 'Serious harm or death reasonably probable',
  II: 'Temporary or reversible harm; serious harm remote',
  III: 'Harm unlikely',
};

export const DEVICE_STATUS_LOOK: Record<DeviceStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  out_of_service: { label: 'Out of service', color: 'orange' },
  retired: { label: 'Retired', color: 'slate' },
};

export const SERVICE_KIND_LABELS: Record<DeviceServiceKind, string> = {
  inspection: 'Inspection',
  maintenance: 'Maintenance',
  repair: 'Repair',
  calibration: 'Calibration',
  other: 'Other',
};

/** A reason as recorded: waste reasons are codes, others free text. */
export function movementReasonText(type: StockMovementType, reason: string | null): string {
  if (!reason) return '';
  if (type === 'wasted' && reason in WASTE_REASON_LABELS) return WASTE_REASON_LABELS[reason as WasteReason];
  return reason;
}
