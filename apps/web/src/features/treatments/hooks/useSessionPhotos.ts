import type { PhotoAngle, PhotoPhase } from '@skinledger/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

export interface PhotoUpload {
  phase: PhotoPhase;
  angle: PhotoAngle;
  file: File;
}

/** GET /api/treatment-sessions/:id/photos. */
export function useSessionPhotos(sessionId: string) {
  return useQuery({
    queryKey: treatmentKeys.sessionPhotos(sessionId),
    queryFn: () => request(api.GET('/api/treatment-sessions/{id}/photos', { params: { path: { id: sessionId } } })),
  });
}

/** POST /api/treatment-sessions/:id/photos as multipart (422 without a valid photography consent). */
export function useUploadPhoto(sessionId: string, patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ phase, angle, file }: PhotoUpload) => {
      const form = new FormData();
      form.append('phase', phase);
      form.append('angle', angle);
      form.append('file', file);
      // openapi-fetch passes FormData through untouched; the browser sets the multipart boundary.
      return request(api.POST('/api/treatment-sessions/{id}/photos', { params: { path: { id: sessionId } }, body: form as never }));
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: treatmentKeys.sessionPhotos(sessionId) });
      await client.invalidateQueries({ queryKey: treatmentKeys.patientPhotos(patientId) });
    },
  });
}

/** GET /api/photos/compare: two sessions of the patient side by side at one angle. */
export function usePhotoComparison(sessionA: string | null, sessionB: string | null, angle: PhotoAngle) {
  return useQuery({
    queryKey: treatmentKeys.comparison(sessionA ?? '', sessionB ?? '', angle),
    queryFn: () => request(api.GET('/api/photos/compare', { params: { query: { sessionA: sessionA ?? '', sessionB: sessionB ?? '', angle } } })),
    enabled: !!sessionA && !!sessionB && sessionA !== sessionB,
  });
}
