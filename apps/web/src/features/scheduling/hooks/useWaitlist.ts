import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { frontDeskKeys } from './frontDeskKeys';
import { scheduleKeys } from './scheduleKeys';

export type WaitlistEntry = Schemas['WaitlistEntryDto'];
export type WaitlistOffer = Schemas['WaitlistOfferDto'];
export type FreedSlot = Schemas['FreedSlotDto'];
export type WaitlistMatch = Schemas['WaitlistMatchDto'];
export type NewWaitlistEntry = Schemas['CreateWaitlistEntryDto'];

/** GET /api/waitlist: open entries at a location, or a patient's entries (every state). */
export function useWaitlist(filter: { locationId?: string; patientId?: string; openOnly: boolean; page?: number }, enabled = true) {
  const page = filter.page ?? 1;
  return useQuery({
    queryKey: frontDeskKeys.waitlist({ ...filter, page }),
    enabled,
    queryFn: () =>
      request(api.GET('/api/waitlist', { params: { query: { locationId: filter.locationId, patientId: filter.patientId, openOnly: filter.openOnly, page, pageSize: 50 } } })),
  });
}

/** GET /api/waitlist/freed-slots: open freed slots at a location in a window, or what one appointment freed. */
export function useFreedSlots(filter: { locationId?: string; from?: string; to?: string; appointmentId?: string }, enabled = true) {
  return useQuery({
    queryKey: frontDeskKeys.freedSlots(filter),
    enabled,
    queryFn: () => request(api.GET('/api/waitlist/freed-slots', { params: { query: filter } })),
  });
}

/** Adding, removing, offering and booking an offer; each refreshes the book and the waitlist. */
export function useWaitlistMutations() {
  const client = useQueryClient();
  // Not awaited, so the caller's onSuccess runs before the lists change under it.
  const refresh = () => void client.invalidateQueries({ queryKey: scheduleKeys.all });
  return {
    add: useMutation({ mutationFn: (body: NewWaitlistEntry) => request(api.POST('/api/waitlist', { body })), onSuccess: refresh }),
    remove: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason?: string }) => request(api.POST('/api/waitlist/{id}/remove', { params: { path: { id } }, body: { reason } })),
      onSuccess: refresh,
    }),
    offer: useMutation({
      mutationFn: ({ entryId, freedSlotId, startsAt }: { entryId: string; freedSlotId: string; startsAt: string }) =>
        request(api.POST('/api/waitlist/{id}/offers', { params: { path: { id: entryId } }, body: { freedSlotId, startsAt } })),
      onSuccess: refresh,
    }),
    book: useMutation({
      mutationFn: (offerId: string) => request(api.POST('/api/waitlist/offers/{offerId}/book', { params: { path: { offerId } } })),
      // A refusal (someone else took the time) changes what the lists show too.
      onSettled: refresh,
    }),
  };
}
