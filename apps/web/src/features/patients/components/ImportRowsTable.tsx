import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { describeMatch } from '@web/features/patients/duplicateCandidates';
import type { ImportReport } from '@web/features/patients/patientTypes';

type Row = ImportReport['results'][number];

const STATUS: Record<Row['status'], { label: string; color: string }> = {
  created: { label: 'Created', color: 'green' },
  existing: { label: 'Already registered', color: 'slate' },
  invalid: { label: 'Skipped', color: 'red' },
};

/** The outcome of each row, linking to the patient it created or matched. */
export function ImportRowsTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={520} type="native" mah={420}>
      <Table stickyHeader highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={170}>Result</Table.Th>
            <Table.Th>Patient</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td className="tabular">{r.row}</Table.Td>
              <Table.Td>
                <Badge color={STATUS[r.status].color} tt="none">
                  {STATUS[r.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.patientId && r.mrn ? (
                  <Anchor component={Link} to={`/patients/${r.patientId}`} size="sm" ff="monospace">
                    {r.mrn}
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    —
                  </Text>
                )}
                {r.matchedOn && r.matchedOn.length > 0 && (
                  <Text span size="xs" c="dimmed" ml="xs">
                    matched on {describeMatch(r.matchedOn)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
