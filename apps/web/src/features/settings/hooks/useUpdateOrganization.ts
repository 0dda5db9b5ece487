import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { currentUserKey } from '@web/entities/current-user';
import { organizationKey } from './useOrganization';

/** PATCH /api/organization. The header shows the name from the current user, so refresh that too. */
export function useUpdateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateOrganizationDto']) => request(api.PATCH('/api/organization', { body })),
    onSuccess: (organization) => {
      client.setQueryData(organizationKey, organization);
      return client.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
