import { useMutation } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { saveBlob } from '@web/lib/download/saveBlob';

/** GET /api/treatment-sessions/:id/pdf as a file download (the printable session record, audited by the API). */
export function useDownloadSessionPdf() {
  return useMutation({
    mutationFn: async ({ id, fileName }: { id: string; fileName: string }) => {
      const blob = await request(api.GET('/api/treatment-sessions/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, fileName);
    },
  });
}
