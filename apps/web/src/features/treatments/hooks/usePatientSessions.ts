import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

export const PATIENT_SESSIONS_PAGE_SIZE = 25;

/** The most sessions one page holds: pickers (outcomes, photo comparison) offer the patient's latest 200. */
const RECENT_SESSIONS = 200;

/** GET /api/patients/:id/treatment-sessions: one keyset page, newest first, for the sessions list. */
export function usePatientSessionsPage(patientId: string, after: string | undefined) {
  return useQuery({
    queryKey: [...treatmentKeys.patientSessions(patientId), 'page', after ?? ''],
    queryFn: () =>
      request(
        api.GET('/api/patients/{id}/treatment-sessions', {
          params: { path: { id: patientId }, query: { pageSize: PATIENT_SESSIONS_PAGE_SIZE, ...(after ? { after } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The patient's latest sessions (up to 200), newest first, for pickers. */
export function usePatientSessions(patientId: string) {
  return useQuery({
    queryKey: [...treatmentKeys.patientSessions(patientId), 'recent'],
    queryFn: () => request(api.GET('/api/patients/{id}/treatment-sessions', { params: { path: { id: patientId }, query: { pageSize: RECENT_SESSIONS } } })),
    select: (page) => page.items,
  });
}
