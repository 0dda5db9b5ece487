import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Search text, the archived and tag filters live in the URL, so going back from a profile restores the list. The page
 * is a cursor walked from the first page (useKeysetCursor), kept in the page's state.
 */
export function usePatientListParams() {
  const [params, setParams] = useSearchParams();
  const current = {
    q: params.get('q') ?? '',
    includeArchived: params.get('archived') === '1',
    tag: params.get('tag') ?? '',
  };

  const update = useCallback(
    (changes: { q?: string; includeArchived?: boolean; tag?: string }) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (changes.q !== undefined) {
            if (changes.q) next.set('q', changes.q);
            else next.delete('q');
          }
          if (changes.includeArchived !== undefined) {
            if (changes.includeArchived) next.set('archived', '1');
            else next.delete('archived');
          }
          if (changes.tag !== undefined) {
            if (changes.tag) next.set('tag', changes.tag);
            else next.delete('tag');
          }
          // Links saved before keyset pages carried a page number; it means nothing now.
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setQuery = useCallback((q: string) => update({ q }), [update]);
  const setIncludeArchived = useCallback((includeArchived: boolean) => update({ includeArchived }), [update]);
  const setTag = useCallback((tag: string) => update({ tag }), [update]);

  return { ...current, setQuery, setIncludeArchived, setTag };
}
