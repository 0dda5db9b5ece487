import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

export const organizationKey = ['organization'] as const;

export function useOrganization() {
  return useQuery({ queryKey: organizationKey, queryFn: () => request(api.GET('/api/organization')) });
}
