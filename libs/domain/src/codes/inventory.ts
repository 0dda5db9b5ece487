/** Stock: cartridge lots, pen devices and the GS1 labels they are received from. */

/** Why a lot may not be used or moved (domain.md section 9). */
export const LOT_USE_CODES = ['lot-recalled', 'lot-quarantined', 'lot-expired'] as const;
export type LotUseCode = (typeof LOT_USE_CODES)[number];

/** Everything the treatment preflight checks about the cartridge lot chosen. */
export const LOT_CHECK_CODES = ['lot-unknown', 'lot-not-cartridge', ...LOT_USE_CODES, 'lot-out-of-stock'] as const;
export type LotCheckCode = (typeof LOT_CHECK_CODES)[number];

/** Why a pen may not treat a patient here. */
export const DEVICE_USE_CODES = ['device-retired', 'device-out-of-service', 'device-elsewhere'] as const;
export type DeviceUseCode = (typeof DEVICE_USE_CODES)[number];

/** Everything the treatment preflight checks about the pen chosen. */
export const DEVICE_CHECK_CODES = ['device-unknown', ...DEVICE_USE_CODES] as const;
export type DeviceCheckCode = (typeof DEVICE_CHECK_CODES)[number];

/**
 * Why a scanned label (GS1 or HIBC) cannot be read; the API answers them as one `validation` problem on `code`, each
 * error with its code and, for GS1, the application identifier it concerns.
 */
export const GS1_ERROR_CODES = [
  'empty',
  'not-gs1',
  'truncated',
  'unknown-ai',
  'malformed',
  'bad-check-digit',
  'invalid-characters',
  'invalid-date',
  'invalid-time',
  'invalid-value',
  'too-long',
  'duplicate-ai',
  'missing-gtin',
  'bad-check-character',
  'missing-product',
] as const;
export type Gs1ErrorCode = (typeof GS1_ERROR_CODES)[number];
