import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patientKeys } from '@web/entities/patient';
import { api } from '@web/lib/api/apiClient';
import { request, requestNoContent } from '@web/lib/api/request';
import { saveBlob } from '@web/lib/download/saveBlob';
import type { ConsentDetail } from '@web/features/consents/consentTypes';
import { consentKeys } from './consentKeys';

function useRefresh() {
  const client = useQueryClient();
  return (consent: ConsentDetail) => {
    client.setQueryData(consentKeys.detail(consent.id), consent);
    void client.invalidateQueries({ queryKey: patientKeys.clinical(consent.patientId) });
    return client.invalidateQueries({ queryKey: consentKeys.patient(consent.patientId) });
  };
}

/** POST /api/patients/:id/consents: a pending consent rendered from the template's current version. */
export function usePrepareConsent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ patientId, body }: { patientId: string; body: Schemas['CreateConsentDto'] }) =>
      request(api.POST('/api/patients/{id}/consents', { params: { path: { id: patientId } }, body })),
    onSuccess: refresh,
  });
}

/** POST /api/consents/:id/sign from the kiosk. */
export function useSignConsent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['SignConsentDto'] }) =>
      request(api.POST('/api/consents/{id}/sign', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** POST /api/consents/:id/witness with the staff member's password. */
export function useWitnessConsent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      request(api.POST('/api/consents/{id}/witness', { params: { path: { id } }, body: { password } })),
    onSuccess: refresh,
  });
}

/**
 * POST /api/appointments/:id/consents: the visit's consents (prepared now or before) awaiting the patient's signature or
 * the witness, each naming the appointment's practitioner.
 */
export function usePrepareVisitConsents() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (appointmentId: string) => request(api.POST('/api/appointments/{id}/consents', { params: { path: { id: appointmentId } } })),
    onSuccess: (visit) => {
      for (const consent of visit.consents) client.setQueryData(consentKeys.detail(consent.id), consent);
      const patientId = visit.consents[0]?.patientId;
      if (patientId) void client.invalidateQueries({ queryKey: consentKeys.patient(patientId) });
    },
  });
}

/** POST /api/consents/witness: one password, every consent of the kiosk session witnessed (or none). */
export function useWitnessConsents() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ consentIds, password }: { consentIds: string[]; password: string }) =>
      request(api.POST('/api/consents/witness', { body: { consentIds, password } })),
    onSuccess: async (result) => {
      for (const consent of result.consents) await refresh(consent);
    },
  });
}

/** POST /api/consents/:id/revoke: the patient's withdrawal (or voiding an unsigned consent). */
export function useRevokeConsent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      request(api.POST('/api/consents/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

/** POST /api/consents/:id/kiosk-exit: staff take the tablet back (password). */
export function useCloseKiosk() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      requestNoContent(api.POST('/api/consents/{id}/kiosk-exit', { params: { path: { id } }, body: { password } })),
  });
}

/** GET /api/consents/:id/verify: recomputes the hashes. */
export function useVerifyConsent() {
  return useMutation({
    mutationFn: (id: string) => request(api.GET('/api/consents/{id}/verify', { params: { path: { id } } })),
  });
}

/** GET /api/consents/:id/pdf as a file download. */
export function useDownloadConsentPdf() {
  return useMutation({
    mutationFn: async ({ id, fileName }: { id: string; fileName: string }) => {
      const blob = await request(api.GET('/api/consents/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, fileName);
    },
  });
}
