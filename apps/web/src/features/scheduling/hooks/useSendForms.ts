import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

/** POST /api/appointments/:id/send-forms: the pre-visit forms e-mailed with a new manage link (the outbox shows it). */
export function useSendForms() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.POST('/api/appointments/{id}/send-forms', { params: { path: { id } } })),
    onSuccess: (_sent, id) => {
      void client.invalidateQueries({ queryKey: scheduleKeys.checkIn(id) });
      void client.invalidateQueries({ queryKey: ['schedule', 'outbox'] });
    },
  });
}
