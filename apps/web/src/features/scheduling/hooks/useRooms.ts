import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type Room = Schemas['RoomDto'];

/** GET /api/rooms at a location. */
export function useRooms(locationId: string | undefined) {
  return useQuery({
    queryKey: scheduleKeys.rooms(locationId),
    enabled: Boolean(locationId),
    queryFn: () => request(api.GET('/api/rooms', { params: { query: { locationId } } })),
  });
}

/** POST /api/rooms: a new room at a location. */
export function useCreateRoom() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateRoomDto']) => request(api.POST('/api/rooms', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

/** PATCH /api/rooms/:id: takes a room out of use, or back. */
export function useSetRoomInUse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) =>
      request(api.PATCH('/api/rooms/{id}', { params: { path: { id } }, body: { isActive } })),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}
