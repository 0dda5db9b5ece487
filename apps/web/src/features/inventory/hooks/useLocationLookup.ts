import { useMemo } from 'react';
import { useLocations, type Location } from '@web/entities/location';

/** Location by id, for names and time zones of ledger rows. */
export function useLocationLookup(): (id: string | null) => Location | undefined {
  const { data } = useLocations();
  return useMemo(() => {
    const byId = new Map((data ?? []).map((l) => [l.id, l]));
    return (id) => (id ? byId.get(id) : undefined);
  }, [data]);
}
