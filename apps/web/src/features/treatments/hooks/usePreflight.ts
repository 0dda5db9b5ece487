import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { StartSessionBody } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

/**
 * POST /api/treatment-sessions/preflight: the API's dry run of "start this session now", re-run 400 ms after the
 * chart stops changing. `body` is null while the chart lacks what the API needs to check (pen and lot).
 */
export function usePreflight(body: StartSessionBody | null) {
  const [debounced] = useDebouncedValue(body, 400);
  return useQuery({
    queryKey: treatmentKeys.preflight(debounced),
    queryFn: () => request(api.POST('/api/treatment-sessions/preflight', { body: debounced as StartSessionBody })),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
