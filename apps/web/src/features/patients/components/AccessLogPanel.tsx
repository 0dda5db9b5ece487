import { Skeleton, Stack, Table, Text } from '@mantine/core';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { IconEye } from '@tabler/icons-react';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';
import { formatInstant } from '@web/lib/time/formatInstant';
import { ACCESS_LOG_PAGE_SIZE, usePatientAccessLog } from '@web/features/patients/hooks/usePatientAccessLog';
import { PanelHeader } from './PanelHeader';

const isStaffRole = (value: string | null): value is StaffRole => STAFF_ROLES.some((r) => r === value);

/** The accounting of disclosures a patient may ask for: who viewed or changed their record and when, newest first. */
export function AccessLogPanel({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const cursor = useKeysetCursor(patientId);
  const log = usePatientAccessLog(patientId, cursor.after);
  const items = log.data?.items ?? [];
  return (
    <Stack gap="md">
      <PanelHeader title="Access log" description={`Who viewed or changed this patient's record, newest first. Times in ${timeZone}.`} />
      {log.isPending && <Skeleton height={140} />}
      {log.isError && <QueryErrorAlert error={log.error} what="the access log" onRetry={() => void log.refetch()} />}
      {log.data && items.length === 0 && <EmptyState icon={<IconEye size={22} />} title="No access recorded yet" headingOrder={3} />}
      {items.length > 0 && (
        <Table striped highlightOnHover aria-label="Access log" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>What happened</Table.Th>
              <Table.Th>Their role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td className="tabular">{formatInstant(item.occurredAt, timeZone)}</Table.Td>
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>{isStaffRole(item.actorRole) ? STAFF_ROLE_LABELS[item.actorRole] : <Text span c="dimmed">System or kiosk</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <KeysetPager
        summary={items.length > 0 ? `Entries ${keysetRangeSummary(cursor.pageIndex, ACCESS_LOG_PAGE_SIZE, items.length)}` : ' '}
        hasPrevious={cursor.hasPrevious}
        hasNext={log.data?.hasMore ?? false}
        onPrevious={cursor.previous}
        onNext={() => cursor.next(log.data?.nextCursor)}
        label="Access log pages"
      />
    </Stack>
  );
}
