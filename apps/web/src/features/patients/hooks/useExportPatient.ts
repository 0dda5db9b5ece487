import { useMutation } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { saveBlob } from '@web/lib/download/saveBlob';

interface ExportInput {
  id: string;
  mrn: string;
}

/** GET /api/patients/:id/export: the whole record as a JSON file (the API audits every export). */
export function useExportPatient() {
  return useMutation({
    mutationFn: async ({ id, mrn }: ExportInput) => {
      const blob = await request(api.GET('/api/patients/{id}/export', { params: { path: { id } }, parseAs: 'blob' }));
      saveBlob(blob, `patient-${mrn}.json`);
    },
  });
}
