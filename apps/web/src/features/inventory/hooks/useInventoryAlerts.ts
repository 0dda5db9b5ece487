import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

export const EXPIRY_ALERT_DAYS = 30;

/** GET /api/inventory/alerts: recalled lots on the shelf, lots expiring soon (or expired), low stock. '' = all locations. */
export function useInventoryAlerts(locationId: string) {
  return useQuery({
    queryKey: inventoryKeys.alerts(locationId),
    queryFn: () =>
      request(
        api.GET('/api/inventory/alerts', {
          params: { query: { expiringWithinDays: EXPIRY_ALERT_DAYS, ...(locationId ? { locationId } : {}) } },
        }),
      ),
  });
}
