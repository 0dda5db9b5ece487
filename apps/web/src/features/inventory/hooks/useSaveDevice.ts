import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

export type SaveDeviceInput =
  | { kind: 'create'; body: Schemas['CreateDeviceDto'] }
  | { kind: 'update'; id: string; body: Schemas['UpdateDeviceDto'] }
  | { kind: 'service'; id: string; body: Schemas['CreateServiceEventDto'] };

/** POST /api/devices, PATCH /api/devices/:id or POST /api/devices/:id/service-events. */
export function useSaveDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SaveDeviceInput): Promise<void> => {
      if (input.kind === 'create') await request(api.POST('/api/devices', { body: input.body }));
      else if (input.kind === 'update') await request(api.PATCH('/api/devices/{id}', { params: { path: { id: input.id } }, body: input.body }));
      else await request(api.POST('/api/devices/{id}/service-events', { params: { path: { id: input.id } }, body: input.body }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: inventoryKeys.devices }),
  });
}
