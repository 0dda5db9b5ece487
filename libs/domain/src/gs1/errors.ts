export type Gs1ErrorCode =
  | 'empty'
  | 'truncated'
  | 'unknown_ai'
  | 'malformed'
  | 'bad_check_digit'
  | 'invalid_characters'
  | 'invalid_date'
  | 'too_long'
  | 'duplicate_ai'
  | 'missing_gtin';

export interface Gs1Error {
  /** The application identifier the error concerns, when known. */
  ai?: string;
  code: Gs1ErrorCode;
  message: string;
}
