import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { attachmentFileName } from '@web/lib/download/attachmentFileName';
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

/**
 * The same list as a CSV file, for the recall letter or the manufacturer, saved under the name the API gives it
 * (the whole lot number and GTIN, or the pen's serial).
 */
export function useDownloadExposureCsv(kind: ExposureSubjectKind, id: string) {
  return useMutation({
    mutationFn: async () => {
      const call =
        kind === 'lot'
          ? api.GET('/api/lots/{id}/exposure', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' })
          : api.GET('/api/devices/{id}/exposure', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' });
      const blob = await request(call);
      const { response } = await call;
      saveBlob(blob, attachmentFileName(response.headers, `${kind}-exposure.csv`));
    },
  });
}
