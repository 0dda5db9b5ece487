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

/**
 * Filters live in the URL, so a filtered view can be bookmarked, shared and navigated back to. The page does not: it
 * is a cursor into a trail that grows, so a shared link opens on the newest events.
 */
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
  const active = FILTER_KEYS.some((key) => filters[key] !== '');

  const setFilter = useCallback(
    (key: keyof AuditFilters, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, active, setFilter, clear };
}
