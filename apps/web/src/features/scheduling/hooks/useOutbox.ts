import type { Schemas } from '@skinledger/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type OutboxFilter = 'all' | Schemas['OutboundMessageDto']['status'];

/** GET /api/outbound-messages: the latest hundred reminders and notices, all or of one status. */
export function useOutbox(status: OutboxFilter) {
  return useQuery({
    queryKey: scheduleKeys.outbox(status),
    queryFn: () =>
      request(api.GET('/api/outbound-messages', { params: { query: { page: 1, pageSize: 100, ...(status === 'all' ? {} : { status }) } } })),
  });
}
