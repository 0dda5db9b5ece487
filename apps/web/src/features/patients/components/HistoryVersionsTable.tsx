import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { MedicalHistoryVersionSummary } from '@web/features/patients/patientTypes';
import { historyRecordedBy } from '@web/features/patients/historyRecordedBy';

interface HistoryVersionsTableProps {
  versions: MedicalHistoryVersionSummary[];
  timeZone: string;
  onView: (version: number) => void;
}

/** Every recorded version, newest first: when, by whom, and a way to read it. */
export function HistoryVersionsTable({ versions, timeZone, onView }: HistoryVersionsTableProps) {
  return (
    <Table highlightOnHover>
      <Table.Caption>
        <VisuallyHidden>Medical history versions, newest first</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>Version</Table.Th>
          <Table.Th>Recorded</Table.Th>
          <Table.Th>Recorded by</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v, index) => (
          <Table.Tr key={v.version}>
            <Table.Td className="tabular">
              {v.version}{' '}
              {index === 0 && (
                <Badge size="xs" color="clinic" tt="none" ml={4}>
                  Current
                </Badge>
              )}
            </Table.Td>
            <Table.Td className="tabular">{formatInstant(v.recordedAt, timeZone)}</Table.Td>
            <Table.Td>{historyRecordedBy(v)}</Table.Td>
            <Table.Td ta="right">
              <Button variant="subtle" size="compact-sm" onClick={() => onView(v.version)} aria-label={`View version ${v.version}`}>
                View
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
