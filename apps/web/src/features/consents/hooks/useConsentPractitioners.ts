import { isPractitionerRole } from '@skinledger/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { consentKeys } from './consentKeys';

/** GET /api/staff: the active physicians, nurses and aestheticians, with their licences (who a consent may name). */
export function useConsentPractitioners() {
  return useQuery({
    queryKey: consentKeys.practitioners,
    queryFn: async () => (await request(api.GET('/api/staff'))).filter((s) => s.isActive && isPractitionerRole(s.role)),
  });
}
