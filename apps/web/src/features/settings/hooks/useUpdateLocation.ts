import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { locationsKey } from '@web/entities/location';

interface UpdateLocationInput {
  id: string;
  changes: Schemas['UpdateLocationDto'];
}

export function useUpdateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: UpdateLocationInput) =>
      request(api.PATCH('/api/locations/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => client.invalidateQueries({ queryKey: locationsKey }),
  });
}
