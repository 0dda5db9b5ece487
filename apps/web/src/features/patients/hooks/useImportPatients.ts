import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** A chosen file (sent as its bytes: the API detects UTF-8 or Windows-1252 itself) or pasted text. */
export type ImportSource = Blob | string;

interface ImportInput {
  csv: ImportSource;
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
          // The client's type says text; a Blob goes out as the file's own bytes, untouched.
          body: csv as string,
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
