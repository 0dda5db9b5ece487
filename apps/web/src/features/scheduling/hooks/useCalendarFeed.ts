import { useMutation } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request, requestNoContent } from '@web/lib/api/request';

/** A practitioner's secret iCalendar link: a new one (revoking the old) or none. */
export function useCalendarFeed(staffId: string) {
  const options = { params: { path: { id: staffId } } };
  return {
    rotate: useMutation({ mutationFn: () => request(api.POST('/api/staff/{id}/calendar-feed', options)) }),
    revoke: useMutation({ mutationFn: () => requestNoContent(api.DELETE('/api/staff/{id}/calendar-feed', options)) }),
  };
}
