import type { Schemas } from '@skinledger/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { staffKeys } from './staffKeys';

export type StaffMember = Schemas['StaffMemberDto'];

interface StaffListOptions {
  /** False for roles that may not read the staff list (the query then never runs). */
  enabled?: boolean;
  staleTime?: number;
}

/** GET /api/staff, by name; deactivated accounts only when asked for. */
export function useStaffList(includeInactive: boolean, { enabled = true, staleTime }: StaffListOptions = {}) {
  return useQuery({
    queryKey: staffKeys.list(includeInactive),
    queryFn: () => request(api.GET('/api/staff', { params: { query: includeInactive ? { includeInactive: true } : {} } })),
    placeholderData: keepPreviousData,
    enabled,
    // Only when given: an explicit undefined would override the client's default.
    ...(staleTime === undefined ? {} : { staleTime }),
  });
}
