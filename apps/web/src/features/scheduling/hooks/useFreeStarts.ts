import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

interface FreeStartsQuery {
  serviceId: string | null;
  locationId: string;
  practitionerId: string | undefined;
  /** The day to search, as ISO instants; undefined: nothing to search yet. */
  day: { from: string; to: string } | undefined;
  /** Offer starts from this instant (default: now); an earlier one records a visit already begun. */
  notBefore?: string;
}

/** GET /api/availability: free slots for a service at a location that day (for one practitioner). */
export function useFreeStarts({ serviceId, locationId, practitionerId, day, notBefore }: FreeStartsQuery) {
  return useQuery({
    queryKey: [...scheduleKeys.availability(serviceId, locationId, practitionerId, day?.from), notBefore ?? null],
    enabled: Boolean(serviceId && day),
    queryFn: () =>
      request(
        api.GET('/api/availability', {
          params: { query: { serviceId: serviceId as string, locationId, from: day?.from as string, to: day?.to as string, practitionerId, ...(notBefore ? { notBefore } : {}) } },
        }),
      ),
  });
}
