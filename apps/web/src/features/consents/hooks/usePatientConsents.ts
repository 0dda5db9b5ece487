import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { consentKeys } from './consentKeys';

/** GET /api/patients/:id/consents: newest first, each with its status now. */
export function usePatientConsents(patientId: string) {
  return useQuery({
    queryKey: consentKeys.patient(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/consents', { params: { path: { id: patientId } } })),
  });
}

/** GET /api/consents/:id: the frozen text, acknowledgements and signature. */
export function useConsent(id: string) {
  return useQuery({
    queryKey: consentKeys.detail(id),
    queryFn: () => request(api.GET('/api/consents/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

/** GET /api/consents/:id for each consent of a kiosk session, in order. */
export function useConsentList(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: consentKeys.detail(id),
      queryFn: () => request(api.GET('/api/consents/{id}', { params: { path: { id } } })),
      staleTime: Infinity,
    })),
  });
}
