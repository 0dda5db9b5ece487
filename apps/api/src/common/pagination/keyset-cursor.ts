import { RequestValidationError } from '../problems/validation';

/**
 * Keyset ("seek") pagination: the cursor is the sort key of the last row a page showed, so the next page starts with
 * `WHERE (key) > (cursor) ORDER BY key LIMIT n` and costs the same at page 1 and page 2,001 (OFFSET reads and
 * discards every earlier row). The cursor is opaque to clients: base64url of the JSON array of key values.
 */
export type KeysetValue = string | number | null;
export type KeysetPart = 'text' | 'number' | 'instant' | 'uuid' | 'text-or-null' | 'number-or-null';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeKeysetCursor(key: readonly KeysetValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key a cursor carries, checked against the list's key shape; a cursor another list issued is a 400 on `after`. */
export function decodeKeysetCursor(after: string | undefined, shape: readonly KeysetPart[]): KeysetValue[] | null {
  if (after === undefined || after === '') return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== shape.length || !key.every((value, index) => fits(value, shape[index]))) {
    throw new RequestValidationError([{ field: 'after', message: 'after must be the nextCursor of a previous page of this list' }]);
  }
  return key as KeysetValue[];
}

function fits(value: unknown, part: KeysetPart): boolean {
  switch (part) {
    case 'text':
      return typeof value === 'string' && value.length <= 500;
    case 'text-or-null':
      return value === null || (typeof value === 'string' && value.length <= 500);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'number-or-null':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'instant':
      return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
  }
}
