import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/recalls, newest first. */
export function useRecalls() {
  return useQuery({ queryKey: inventoryKeys.recalls, queryFn: () => request(api.GET('/api/recalls')) });
}
