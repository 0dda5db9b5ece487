import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type CoursePlan = Schemas['TreatmentPlanDto'];

/** POST /api/treatment-plans: proposes the nearest free slot to each session's target date (nothing is booked). */
export function useProposeCourse() {
  return useMutation({ mutationFn: (body: Schemas['CreateTreatmentPlanDto']) => request(api.POST('/api/treatment-plans', { body })) });
}

/** POST /api/treatment-plans/:id/book: books every session, or none. */
export function useBookCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.POST('/api/treatment-plans/{id}/book', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}
