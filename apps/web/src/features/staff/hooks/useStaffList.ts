import type { Schemas } from '@skinledger/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { staffKeys } from './staffKeys';

export type StaffMember = Schemas['StaffMemberDto'];

/** GET /api/staff, by name; deactivated accounts only when asked for. */
export function useStaffList(includeInactive: boolean) {
  return useQuery({
    queryKey: staffKeys.list(includeInactive),
    queryFn: () => request(api.GET('/api/staff', { params: { query: includeInactive ? { includeInactive: true } : {} } })),
    placeholderData: keepPreviousData,
  });
}
