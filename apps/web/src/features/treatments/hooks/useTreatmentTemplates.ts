import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request, requestNoContent } from '@web/lib/api/request';
import type { TreatmentTemplate, TreatmentTemplateInput } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/treatment-templates: every template of the clinic (by indication, then name), checked against today's maximums. */
export function useTreatmentTemplates(enabled = true) {
  return useQuery({
    enabled,
    queryKey: treatmentKeys.templates,
    queryFn: () => request(api.GET('/api/treatment-templates')),
  });
}

/** POST /api/treatment-templates (new) or PUT /api/treatment-templates/:id (existing): the whole template. */
export function useSaveTreatmentTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TreatmentTemplateInput }): Promise<TreatmentTemplate> =>
      id
        ? request(api.PUT('/api/treatment-templates/{id}', { params: { path: { id } }, body }))
        : request(api.POST('/api/treatment-templates', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: treatmentKeys.templates }),
  });
}

/** DELETE /api/treatment-templates/:id. */
export function useDeleteTreatmentTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestNoContent(api.DELETE('/api/treatment-templates/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: treatmentKeys.templates }),
  });
}
