import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

interface ImportInput {
  csv: string;
  dryRun: boolean;
}

/** POST /api/patients/import with the file as a text/csv body: a dry run reports, a real run imports valid rows. */
export function useImportPatients() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: ImportInput) =>
      request(
        api.POST('/api/patients/import', {
          params: { query: { dryRun } },
          body: csv,
          bodySerializer: (body) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: (report) => {
      if (report.written) return client.invalidateQueries({ queryKey: patientKeys.all });
      return undefined;
    },
  });
}
