import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type Service = Schemas['ServiceDto'];
export type NewService = Schemas['CreateServiceDto'];

/** GET /api/services: what can be booked, active or not. */
export function useServices() {
  return useQuery({ queryKey: scheduleKeys.services, queryFn: () => request(api.GET('/api/services')) });
}

/** POST /api/services. */
export function useCreateService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewService) => request(api.POST('/api/services', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

/** PATCH /api/services/{id}: the fields given change (e.g. who may book it online). */
export function useUpdateService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateServiceDto'] & { id: string }) => request(api.PATCH('/api/services/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}
