import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { PatientSearchParams } from '@web/entities/patient';

/** Search text, page, the archived and tag filters live in the URL, so going back from a profile restores the list. */
export function usePatientListParams() {
  const [params, setParams] = useSearchParams();
  const current: PatientSearchParams = {
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
    includeArchived: params.get('archived') === '1',
    tag: params.get('tag') ?? '',
  };

  const update = useCallback(
    (changes: { q?: string; page?: number; includeArchived?: boolean; tag?: string }, replace: boolean) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (changes.q !== undefined) {
            if (changes.q) next.set('q', changes.q);
            else next.delete('q');
            next.delete('page');
          }
          if (changes.includeArchived !== undefined) {
            if (changes.includeArchived) next.set('archived', '1');
            else next.delete('archived');
            next.delete('page');
          }
          if (changes.tag !== undefined) {
            if (changes.tag) next.set('tag', changes.tag);
            else next.delete('tag');
            next.delete('page');
          }
          if (changes.page !== undefined) {
            if (changes.page > 1) next.set('page', String(changes.page));
            else next.delete('page');
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const setQuery = useCallback((q: string) => update({ q }, true), [update]);
  const setIncludeArchived = useCallback((includeArchived: boolean) => update({ includeArchived }, true), [update]);
  const setPage = useCallback((page: number) => update({ page }, false), [update]);
  const setTag = useCallback((tag: string) => update({ tag }, true), [update]);

  return { ...current, setQuery, setIncludeArchived, setPage, setTag };
}
