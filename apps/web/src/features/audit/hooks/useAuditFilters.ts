import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface AuditFilters {
  action: string;
  entityType: string;
  actorId: string;
  /** Calendar dates (YYYY-MM-DD) in the selected location's zone, both inclusive. */
  from: string;
  to: string;
}

const FILTER_KEYS: (keyof AuditFilters)[] = ['action', 'entityType', 'actorId', 'from', 'to'];

/** Filters and page live in the URL, so a filtered view can be bookmarked, shared and navigated back to. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<AuditFilters>(
    () => ({
      action: params.get('action') ?? '',
      entityType: params.get('entityType') ?? '',
      actorId: params.get('actorId') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
    }),
    [params],
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  const active = FILTER_KEYS.some((key) => filters[key] !== '');

  const setFilter = useCallback(
    (key: keyof AuditFilters, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        return next;
      }),
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, page, active, setFilter, setPage, clear };
}
