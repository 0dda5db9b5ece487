import { Table, Text } from '@mantine/core';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import type { Assessment } from '@web/features/treatments/treatmentTypes';

function Change({ a }: { a: Assessment }) {
  if (a.changeFromBaselinePercent === null) return <Text size="sm" c="dimmed">baseline</Text>;
  const sign = a.changeFromBaselinePercent > 0 ? '+' : '';
  return (
    <Text size="sm" fw={600} c={a.improved ? 'green.8' : a.improved === false ? 'red.8' : undefined} className="tabular">
      {`${sign}${a.changeFromBaselinePercent} %`}
      <Text span size="xs" c="dimmed" fw={400}>
        {a.improved ? ' improved' : a.improved === false ? ' worse' : ''}
      </Text>
    </Text>
  );
}

/** The assessments on one scale, newest first, each with its change from the course baseline. */
export function AssessmentsTable({ assessments }: { assessments: Assessment[] }) {
  return (
    <Table aria-label="Assessments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th ta="right">Score</Table.Th>
          <Table.Th>Change from baseline</Table.Th>
          <Table.Th>Assessor</Table.Th>
          <Table.Th>Method</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...assessments].reverse().map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td className="tabular">{formatCalendarDate(a.assessedOn)}</Table.Td>
            <Table.Td ta="right" className="tabular">
              {a.score}
            </Table.Td>
            <Table.Td>
              <Change a={a} />
            </Table.Td>
            <Table.Td>{a.assessorName}</Table.Td>
            <Table.Td c={a.method ? undefined : 'dimmed'}>{a.method ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
