import { isPractitionerRole } from '@skinledger/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

/** Practitioners: active staff in a clinical role. */
export function usePractitioners() {
  return useQuery({
    queryKey: scheduleKeys.practitioners,
    queryFn: async () => (await request(api.GET('/api/staff'))).filter((s) => s.isActive && isPractitionerRole(s.role)),
  });
}
