import type { Gs1ErrorCode } from '../codes/inventory';

export interface Gs1Error {
  /** The application identifier the error concerns, when known. */
  ai?: string;
  code: Gs1ErrorCode;
  message: string;
}
