import { useCallback, useEffect, useState } from 'react';

/**
 * The cursors of the pages a reader has walked through, so Previous goes back without a total or an offset.
 * Starts over at page one whenever `resetKey` (the list's filters) changes.
 */
export function useKeysetCursor(resetKey: string) {
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [resetKey]);
  const next = useCallback((cursor: string | null | undefined) => {
    if (cursor) setCursors((walked) => [...walked, cursor]);
  }, []);
  const previous = useCallback(() => setCursors((walked) => walked.slice(0, -1)), []);
  return {
    /** Pass as the list's `after` (undefined on the first page). */
    after: cursors[cursors.length - 1],
    /** 0 on the first page. */
    pageIndex: cursors.length,
    hasPrevious: cursors.length > 0,
    next,
    previous,
  };
}
