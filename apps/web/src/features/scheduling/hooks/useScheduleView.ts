import type { Schemas } from '@skinledger/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type ScheduleView = Schemas['ScheduleDto'];
export type SchedulePractitioner = Schemas['SchedulePractitionerDto'];

/**
 * GET /api/schedule: a day or week at a location in one answer — who works there (bookable time, time off,
 * licences), the rooms and the appointments — so the calendar paints its columns and events together.
 * `keepPrevious` keeps the last answer on screen while the next day or week loads (no empty grid in between).
 */
export function useScheduleView(locationId: string | undefined, from: Date | undefined, to: Date | undefined, { keepPrevious = false } = {}) {
  return useQuery({
    ...scheduleViewQuery(locationId ?? '', from ?? new Date(0), to ?? new Date(0)),
    enabled: Boolean(locationId && from && to),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/** The same request as useScheduleView, for prefetching (prefetchSchedule.ts). */
export function scheduleViewQuery(locationId: string, from: Date, to: Date) {
  return queryOptions({
    queryKey: scheduleKeys.view(locationId, from.toISOString(), to.toISOString()),
    queryFn: () => request(api.GET('/api/schedule', { params: { query: { locationId, from: from.toISOString(), to: to.toISOString() } } })),
  });
}
