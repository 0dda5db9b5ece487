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

/**
 * GET /api/audit-events. The generated schema types `page`/`pageSize` as an empty object (the API's DTO
 * lacks a type hint), so they are added by a per-request query serializer instead of `params.query`.
 */
export function useAuditEvents(filters: AuditFilters, page: number, timeZone: string) {
  const query = toQuery(filters, timeZone);
  return useQuery({
    queryKey: ['audit-events', query, page],
    queryFn: () =>
      request(
        api.GET('/api/audit-events', {
          params: { query },
          querySerializer: (params) => {
            const search = new URLSearchParams();
            for (const [key, value] of Object.entries(params)) if (typeof value === 'string') search.set(key, value);
            search.set('page', String(page));
            search.set('pageSize', String(AUDIT_PAGE_SIZE));
            return search.toString();
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
