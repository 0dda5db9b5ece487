import type { Schemas } from '@skinledger/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type OutboxFilter = 'all' | Schemas['OutboundMessageDto']['status'];

export const OUTBOX_PAGE_SIZE = 50;

/** GET /api/outbound-messages: one keyset page of reminders and notices, latest send time first, all or of one status. */
export function useOutbox(status: OutboxFilter, after: string | undefined) {
  return useQuery({
    queryKey: scheduleKeys.outbox(status, after ?? ''),
    queryFn: () =>
      request(
        api.GET('/api/outbound-messages', {
          params: { query: { pageSize: OUTBOX_PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...(after ? { after } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
