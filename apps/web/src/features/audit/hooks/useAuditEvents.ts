import type { Schemas } from '@skinledger/api-client';
import { addDays, isIsoDate, localTimeToInstant } from '@skinledger/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { AuditFilters } from './useAuditFilters';

export type AuditEvent = Schemas['AuditEventDto'];

export const AUDIT_PAGE_SIZE = 50;

/** The API's query: calendar-day filters become instants in the location's zone ("to" is exclusive). */
function toQuery(filters: AuditFilters, timeZone: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.action) query.action = filters.action;
  if (filters.entityType) query.entityType = filters.entityType;
  if (filters.actorId) query.actorId = filters.actorId;
  if (isIsoDate(filters.from)) query.from = localTimeToInstant(filters.from, 0, timeZone).toISOString();
  if (isIsoDate(filters.to)) query.to = localTimeToInstant(addDays(filters.to, 1), 0, timeZone).toISOString();
  return query;
}

/** GET /api/audit-events: one keyset page, newest first (`after` = the previous page's nextCursor). */
export function useAuditEvents(filters: AuditFilters, after: string | undefined, timeZone: string) {
  const query = toQuery(filters, timeZone);
  return useQuery({
    queryKey: ['audit-events', query, after ?? ''],
    queryFn: () => request(api.GET('/api/audit-events', { params: { query: { ...query, pageSize: AUDIT_PAGE_SIZE, ...(after ? { after } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}
