import { Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { IconHistory } from '@tabler/icons-react';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useSelectedLocation } from '@web/entities/location';
import { AuditEventsTable } from '@web/features/audit/components/AuditEventsTable';
import { AuditFiltersBar } from '@web/features/audit/components/AuditFiltersBar';
import { VerifyChainPanel } from '@web/features/audit/components/VerifyChainPanel';
import { AUDIT_PAGE_SIZE, useAuditEvents } from '@web/features/audit/hooks/useAuditEvents';
import { useAuditFilters } from '@web/features/audit/hooks/useAuditFilters';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';

export function AuditLogPage() {
  useDocumentTitle('Audit log · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const { filters, active, setFilter, clear } = useAuditFilters();
  const cursor = useKeysetCursor(`${JSON.stringify(filters)} ${timeZone}`);
  const events = useAuditEvents(filters, cursor.after, timeZone);
  // The capped count comes with the first page only; later pages keep the first page's.
  const [total, setTotal] = useState<{ count: number; capped: boolean } | undefined>();
  useEffect(() => {
    if (events.data?.total && !events.isPlaceholderData) setTotal(events.data.total);
  }, [events.data, events.isPlaceholderData]);
  const shown = events.data?.items.length ?? 0;
  const range = keysetRangeSummary(cursor.pageIndex, AUDIT_PAGE_SIZE, shown, total);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every sign-in, record opened and change, newest first, in words. Times are shown in ${timeZone}${location ? ` (${location.name})` : ''}.`}
      />
      <Paper px="md" py="sm" mb="md">
        <VerifyChainPanel />
      </Paper>
      <Paper>
        <Stack px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
          <AuditFiltersBar filters={filters} active={active} onChange={setFilter} onClear={clear} />
        </Stack>
        {events.isPending && (
          <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading audit events">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        )}
        {events.isError && (
          <Stack p="md">
            <QueryErrorAlert error={events.error} what="the audit log" onRetry={() => void events.refetch()} />
          </Stack>
        )}
        {events.data && events.data.items.length === 0 && (
          <EmptyState icon={<IconHistory size={22} />} title="No events match these filters" headingOrder={2}>
            {active ? 'Widen the date range or clear the filters.' : 'Events appear here as people sign in and make changes.'}
          </EmptyState>
        )}
        {events.data && events.data.items.length > 0 && (
          <div style={{ opacity: events.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <AuditEventsTable
              events={events.data.items}
              timeZone={timeZone}
              caption={`Audit events ${range}`}
            />
          </div>
        )}
        <KeysetPager
          summary={events.data && shown > 0 ? `${range} events` : ' '}
          hasPrevious={cursor.hasPrevious}
          hasNext={events.data?.hasMore ?? false}
          onPrevious={cursor.previous}
          onNext={() => cursor.next(events.data?.nextCursor)}
          label="Audit log pages"
        />
      </Paper>
    </>
  );
}
