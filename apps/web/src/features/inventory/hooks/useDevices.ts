import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/devices: every handpiece of the organization. */
export function useDevices() {
  return useQuery({ queryKey: inventoryKeys.devices, queryFn: () => request(api.GET('/api/devices')) });
}
