import type { Schemas } from '@skinledger/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
    queryKey: scheduleKeys.view(locationId ?? '', from?.toISOString() ?? '', to?.toISOString() ?? ''),
    enabled: Boolean(locationId && from && to),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    queryFn: () =>
      request(api.GET('/api/schedule', { params: { query: { locationId: locationId as string, from: (from as Date).toISOString(), to: (to as Date).toISOString() } } })),
  });
}
