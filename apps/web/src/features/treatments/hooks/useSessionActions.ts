import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inventoryKeys } from '@web/features/inventory';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { TreatmentSession, UpdateSessionBody } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

export type SessionAction =
  | { action: 'update'; body: UpdateSessionBody }
  | { action: 'cartridge'; body: { cartridgeLotId: string; reason: string } }
  | { action: 'sign'; body: { password: string } }
  | { action: 'addendum'; body: { text: string } };

async function run(id: string, input: SessionAction): Promise<TreatmentSession> {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'update':
      return (await request(api.PATCH('/api/treatment-sessions/{id}', { ...path, body: input.body }))).session;
    case 'cartridge':
      return request(api.POST('/api/treatment-sessions/{id}/cartridges', { ...path, body: input.body }));
    case 'sign':
      return request(api.POST('/api/treatment-sessions/{id}/sign', { ...path, body: input.body }));
    case 'addendum':
      return request(api.POST('/api/treatment-sessions/{id}/addenda', { ...path, body: input.body }));
  }
}

/** Everything done to a session after it started: chart edits, a second cartridge, signing, addenda. */
export function useSessionAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionAction) => run(id, input),
    onSuccess: async (session, input) => {
      client.setQueryData(treatmentKeys.session(id), session);
      await client.invalidateQueries({ queryKey: treatmentKeys.patientSessions(session.patientId) });
      if (input.action === 'cartridge') await client.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });
}
