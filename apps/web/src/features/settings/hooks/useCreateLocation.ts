import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { locationsKey } from '@web/entities/location';

export function useCreateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateLocationDto']) => request(api.POST('/api/locations', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: locationsKey }),
  });
}
