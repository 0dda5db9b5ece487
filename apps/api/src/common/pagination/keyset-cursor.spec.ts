import { RequestValidationError } from '../problems/validation';
import { cappedCount } from './capped-count';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';
import { keysetPage } from './keyset-page';

describe('keyset pagination', () => {
  const id = '3fb2c0de-1d2e-4f5a-8b9c-0d1e2f3a4b5c';

  it('round-trips a key through an opaque URL-safe cursor', () => {
    const cursor = encodeKeysetCursor(['Thompson', null, id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor, ['text', 'text-or-null', 'uuid'])).toEqual(['Thompson', null, id]);
  });

  it('starts at the first page without a cursor', () => {
    expect(decodeKeysetCursor(undefined, ['uuid'])).toBeNull();
  });

  it.each([
    ['garbage', 'not-base64-json'],
    ['another list’s cursor', encodeKeysetCursor(['2026-12-06T10:00:00Z', id])],
    ['a key of the wrong type', encodeKeysetCursor([42])],
  ])('refuses %s as a 400 on the after field', (_label, cursor) => {
    try {
      decodeKeysetCursor(cursor, ['uuid']);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).fieldProblems[0].field).toBe('after');
    }
  });

  it('cuts a page from pageSize + 1 rows and points the cursor at the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id }));
    const page = keysetPage(rows, 2, (row) => [row.n, row.id]);
    expect(page.items).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    expect(decodeKeysetCursor(page.nextCursor ?? undefined, ['number', 'uuid'])).toEqual([2, id]);
    expect(keysetPage(rows.slice(0, 2), 2, (row) => [row.n])).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('caps a count at 1,000', () => {
    expect(cappedCount(1001)).toEqual({ count: 1000, capped: true });
    expect(cappedCount(17)).toEqual({ count: 17, capped: false });
  });
});
