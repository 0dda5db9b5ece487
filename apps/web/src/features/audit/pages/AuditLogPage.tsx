import { Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { TablePager } from '@web/components/TablePager';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useSelectedLocation } from '@web/entities/location';
import { AuditEventsTable } from '@web/features/audit/components/AuditEventsTable';
import { AuditFiltersBar } from '@web/features/audit/components/AuditFiltersBar';
import { VerifyChainPanel } from '@web/features/audit/components/VerifyChainPanel';
import { AUDIT_PAGE_SIZE, useAuditEvents } from '@web/features/audit/hooks/useAuditEvents';
import { useAuditFilters } from '@web/features/audit/hooks/useAuditFilters';

export function AuditLogPage() {
  useDocumentTitle('Audit log · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const { filters, page, active, setFilter, setPage, clear } = useAuditFilters();
  const events = useAuditEvents(filters, page, timeZone);

  const total = events.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(page * AUDIT_PAGE_SIZE, total);

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
              caption={`Audit events ${first} to ${last} of ${total}`}
            />
          </div>
        )}
        <TablePager
          summary={events.data ? `${first}–${last} of ${total} event${total === 1 ? '' : 's'}` : ' '}
          page={page}
          pages={pages}
          onPageChange={setPage}
          label="Audit log pages"
        />
      </Paper>
    </>
  );
}
