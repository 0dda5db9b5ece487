import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import { RECALL_CLASS_MEANINGS } from '@web/features/inventory/inventoryVocabulary';
import type { Recall } from '@web/features/inventory/inventoryTypes';

/** The clinic's recalls, newest first. */
export function RecallsTable({ recalls, timeZone }: { recalls: Recall[]; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table>
        <Table.Caption>
          <VisuallyHidden>Recalls, newest first</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Recorded</Table.Th>
            <Table.Th w={90}>Class</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th w={150}>GTIN</Table.Th>
            <Table.Th w={200}>Lots</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recalls.map((r) => (
            <Table.Tr key={r.id} style={{ verticalAlign: 'top' }}>
              <Table.Td className="tabular">{formatInstant(r.recordedAt, timeZone, 'date')}</Table.Td>
              <Table.Td>
                <Badge color="red" variant="light" tt="none" title={RECALL_CLASS_MEANINGS[r.recallClass]}>
                  Class {r.recallClass}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.reason}
                {r.reference && (
                  <Text size="xs" c="dimmed">
                    Ref. {r.reference}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="tabular">{r.gtin ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {r.lotNumbers.join(', ')}
                </Text>
                {r.lotNumbersNotFound.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Not on record: {r.lotNumbersNotFound.join(', ')}
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
