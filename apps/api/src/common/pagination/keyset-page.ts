import { encodeKeysetCursor, type KeysetValue } from './keyset-cursor';

export interface KeysetPage<T> {
  items: T[];
  pageSize: number;
  /** More rows follow this page. */
  hasMore: boolean;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Cuts a page from rows fetched with `LIMIT pageSize + 1`: the extra row only tells that more follow, so no count
 * is needed to draw a "Next" button.
 */
export function keysetPage<Row, Item = Row>(
  rows: readonly Row[],
  pageSize: number,
  keyOf: (row: Row) => readonly KeysetValue[],
  toItem: (row: Row) => Item = (row) => row as unknown as Item,
): KeysetPage<Item> {
  const hasMore = rows.length > pageSize;
  const shown = hasMore ? rows.slice(0, pageSize) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toItem),
    pageSize,
    hasMore,
    nextCursor: hasMore && last !== undefined ? encodeKeysetCursor(keyOf(last)) : null,
  };
}
