import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { saveBlob } from '@web/lib/download/saveBlob';

export type ExposureReport = Schemas['ExposureReportDto'];
export type ExposureSubjectKind = 'lot' | 'device';

const exposureKey = (kind: ExposureSubjectKind, id: string) => ['exposure', kind, id] as const;

/** GET /api/lots/:id/exposure or /api/devices/:id/exposure: every session with the lot or pen (audited by the API). */
export function useExposure(kind: ExposureSubjectKind, id: string) {
  return useQuery({
    queryKey: exposureKey(kind, id),
    queryFn: () =>
      kind === 'lot'
        ? request(api.GET('/api/lots/{id}/exposure', { params: { path: { id }, query: {} } }))
        : request(api.GET('/api/devices/{id}/exposure', { params: { path: { id }, query: {} } })),
  });
}

/** The same list as a CSV file, for the recall letter or the manufacturer. */
export function useDownloadExposureCsv(kind: ExposureSubjectKind, id: string) {
  return useMutation({
    mutationFn: async (fileName: string) => {
      const blob =
        kind === 'lot'
          ? await request(api.GET('/api/lots/{id}/exposure', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' }))
          : await request(api.GET('/api/devices/{id}/exposure', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' }));
      saveBlob(blob, fileName);
    },
  });
}
