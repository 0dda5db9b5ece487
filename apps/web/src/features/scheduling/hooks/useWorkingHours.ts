import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type WorkingHours = Schemas['WorkingHoursDto'];

/** GET /api/staff/:id/working-hours: weekly blocks at every location, and recent or coming time off. */
export function useWorkingHours(staffId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.workingHours(staffId),
    enabled: Boolean(staffId),
    queryFn: () => request(api.GET('/api/staff/{id}/working-hours', { params: { path: { id: staffId as string } } })),
  });
}

/** PUT /api/staff/:id/working-hours: the whole weekly pattern at one location. */
export function useSaveWorkingHours(staffId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['PutWorkingHoursDto']) =>
      request(api.PUT('/api/staff/{id}/working-hours', { params: { path: { id: staffId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

/** POST /api/staff/:id/time-off. */
export function useAddTimeOff(staffId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateTimeOffDto']) => request(api.POST('/api/staff/{id}/time-off', { params: { path: { id: staffId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.workingHours(staffId) }),
  });
}
