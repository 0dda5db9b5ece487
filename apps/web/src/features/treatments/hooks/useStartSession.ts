import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inventoryKeys } from '@web/features/inventory';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { StartSessionBody } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

/** POST /api/treatment-sessions: starts the session and takes one cartridge off the shelf (422 lists every blocker). */
export function useStartSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartSessionBody) => request(api.POST('/api/treatment-sessions', { body })),
    onSuccess: async ({ session }) => {
      client.setQueryData(treatmentKeys.session(session.id), session);
      await Promise.all([
        client.invalidateQueries({ queryKey: treatmentKeys.patientSessions(session.patientId) }),
        client.invalidateQueries({ queryKey: inventoryKeys.all }),
      ]);
    },
  });
}
