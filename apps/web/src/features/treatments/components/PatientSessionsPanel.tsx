import { Anchor, Stack, Table, Text } from '@mantine/core';
import { IconReportMedical } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { PATIENT_SESSIONS_PAGE_SIZE, usePatientSessionsPage } from '@web/features/treatments/hooks/usePatientSessions';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';
import { ProcedureKindBadge } from './ProcedureKindBadge';
import { SessionStatusBadge } from './SessionStatusBadge';

/** The patient's treatment sessions, newest first. */
export function PatientSessionsPanel({ patientId }: { patientId: string }) {
  const cursor = useKeysetCursor(patientId);
  const sessions = usePatientSessionsPage(patientId, cursor.after);
  if (sessions.isError) return <QueryErrorAlert error={sessions.error} what="the sessions" onRetry={() => void sessions.refetch()} />;
  if (sessions.isPending) return <Text size="sm" c="dimmed">Loading…</Text>;
  const items = sessions.data.items;
  if (items.length === 0 && !cursor.hasPrevious) {
    return <EmptyState icon={<IconReportMedical size={22} />} title="No treatment sessions yet" headingOrder={3} />;
  }
  return (
    <Stack gap={0}>
      <Table aria-label="Treatment sessions" highlightOnHover style={{ opacity: sessions.isPlaceholderData ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Max depth</Table.Th>
            <Table.Th>Practitioner</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td className="tabular">
                <Anchor component={Link} to={`/sessions/${s.id}`} size="sm">
                  {formatCalendarDate(s.performedOn)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ProcedureKindBadge kind={s.procedureKind} />
              </Table.Td>
              <Table.Td ta="right" className="tabular">{`${s.maxDepthMm} mm`}</Table.Td>
              <Table.Td>{s.practitionerName}</Table.Td>
              <Table.Td>
                <SessionStatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <KeysetPager
        summary={`Sessions ${keysetRangeSummary(cursor.pageIndex, PATIENT_SESSIONS_PAGE_SIZE, items.length)}`}
        hasPrevious={cursor.hasPrevious}
        hasNext={sessions.data.hasMore}
        onPrevious={cursor.previous}
        onNext={() => cursor.next(sessions.data.nextCursor)}
        label="Treatment session pages"
      />
    </Stack>
  );
}
