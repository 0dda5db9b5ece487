import { Skeleton, Stack, Table, Text } from '@mantine/core';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { TablePager } from '@web/components/TablePager';
import { formatInstant } from '@web/lib/time/formatInstant';
import { ACCESS_LOG_PAGE_SIZE, usePatientAccessLog } from '@web/features/patients/hooks/usePatientAccessLog';
import { PanelHeader } from './PanelHeader';

const isStaffRole = (value: string | null): value is StaffRole => STAFF_ROLES.some((r) => r === value);

/** The accounting of disclosures a patient may ask for: who viewed or changed their record and when, newest first. */
export function AccessLogPanel({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const [page, setPage] = useState(1);
  const log = usePatientAccessLog(patientId, page);
  const total = log.data?.total ?? 0;
  const items = log.data?.items ?? [];
  const first = total === 0 ? 0 : (page - 1) * ACCESS_LOG_PAGE_SIZE + 1;
  const last = Math.min(page * ACCESS_LOG_PAGE_SIZE, total);
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
      <TablePager
        summary={log.data ? `${first}–${last} of ${total} entr${total === 1 ? 'y' : 'ies'}` : ' '}
        page={page}
        pages={Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE))}
        onPageChange={setPage}
        label="Access log pages"
      />
    </Stack>
  );
}
