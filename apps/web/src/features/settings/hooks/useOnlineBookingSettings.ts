import type { Schemas } from '@skinledger/api-client';
import { isPractitionerRole } from '@skinledger/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

export const onlineBookingSettingsKey = ['settings', 'online-booking'] as const;

/** GET /api/settings/online-booking (owners and admins): on/off, the online window, the policy, who is excluded. */
export function useOnlineBookingSettings(enabled: boolean) {
  return useQuery({ enabled, queryKey: onlineBookingSettingsKey, queryFn: () => request(api.GET('/api/settings/online-booking')) });
}

/** PUT /api/settings/online-booking, replaced as a whole. */
export function useSaveOnlineBookingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['OnlineBookingSettingsDto']) => request(api.PUT('/api/settings/online-booking', { body })),
    onSuccess: (saved) => client.setQueryData(onlineBookingSettingsKey, saved),
  });
}

/** Active practitioners, the ones who may be kept off the booking page. */
export function useBookablePractitioners(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['settings', 'online-booking', 'practitioners'],
    queryFn: async () => (await request(api.GET('/api/staff'))).filter((s) => s.isActive && isPractitionerRole(s.role)),
  });
}
