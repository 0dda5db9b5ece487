import type { Schemas } from '@skinledger/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

export type Location = Schemas['LocationDto'];

export const locationsKey = ['locations'] as const;

/** GET /api/locations: every location of the organization, active or not, by name. */
export const locationsQuery = queryOptions({ queryKey: locationsKey, queryFn: () => request(api.GET('/api/locations')) });

export function useLocations() {
  return useQuery(locationsQuery);
}
