import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { PatientListItem } from '@web/features/patients/patientTypes';
import { patientKeys, type PatientSearchParams } from '@web/entities/patient';

export const PATIENT_PAGE_SIZE = 25;

/**
 * GET /api/patients, a keyset page from `after` on: best match first while searching, else by name (with a count
 * capped at 1,000). The previous page stays on screen while the next one loads, so typing never blanks the table.
 */
export function usePatientSearch(params: PatientSearchParams) {
  return useQuery({
    queryKey: patientKeys.list(params),
    queryFn: async () => {
      const page = await request(
        api.GET('/api/patients', {
          params: {
            query: {
              ...(params.q ? { q: params.q } : {}),
              ...(params.after ? { after: params.after } : {}),
              pageSize: PATIENT_PAGE_SIZE,
              ...(params.includeArchived ? { includeArchived: true } : {}),
              ...(params.tag ? { tag: params.tag } : {}),
            },
          },
        }),
      );
      const items: PatientListItem[] = page.items;
      return { ...page, items };
    },
    placeholderData: keepPreviousData,
  });
}
