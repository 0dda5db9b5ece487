import { Table, Text } from '@mantine/core';
import { formatPer100, type AdverseEventRate } from '@web/features/reports/reportNumbers';
import { ReportTableScroll } from './ReportTableScroll';

/** Adverse events per 100 sessions, one row per type, depth band, lot or pen. */
export function RateTable({ title, what, rows, testId }: { title: string; what: string; rows: readonly AdverseEventRate[]; testId: string }) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4} id={`${testId}-title`}>
        {title}
      </Text>
      <ReportTableScroll label={title} minWidth={360}>
        <Table striped withTableBorder fz="sm" className="tabular" aria-labelledby={`${testId}-title`} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{what}</Table.Th>
              <Table.Th scope="col" ta="right">Sessions</Table.Th>
              <Table.Th scope="col" ta="right">Adverse events</Table.Th>
              <Table.Th scope="col" ta="right">Per 100</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="slate.7">None in this range.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>{r.label}</Table.Th>
                <Table.Td ta="right">{r.sessions}</Table.Td>
                <Table.Td ta="right">{r.adverseEvents}</Table.Td>
                <Table.Td ta="right">{formatPer100(r.per100Sessions)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ReportTableScroll>
    </div>
  );
}
