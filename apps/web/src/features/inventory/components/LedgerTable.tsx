import { Table, Text, VisuallyHidden } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { useLocationLookup } from '@web/features/inventory/hooks/useLocationLookup';
import { useStaffNames } from '@web/features/inventory/hooks/useStaffNames';
import { MOVEMENT_TYPE_LABELS, movementReasonText } from '@web/features/inventory/inventoryVocabulary';
import type { StockMovement } from '@web/features/inventory/inventoryTypes';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Every stock movement of the lot, newest first, times in the zone of the location where it happened. */
export function LedgerTable({ movements }: { movements: StockMovement[] }) {
  const location = useLocationLookup();
  const who = useStaffNames();
  const { timeZone } = useSelectedLocation();
  const rows = [...movements].reverse();
  return (
    // Wider than a portrait tablet's content, with nothing focusable inside: the scrolling region itself takes
    // keyboard focus, so arrow keys can scroll it (axe scrollable-region-focusable).
    <Table.ScrollContainer minWidth={800} type="native" tabIndex={0} role="region" aria-label="Stock movements">
      <Table>
        <Table.Caption>
          <VisuallyHidden>Stock movements of this lot, newest first</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>Time</Table.Th>
            <Table.Th w={120}>Type</Table.Th>
            <Table.Th w={90} ta="right">Quantity</Table.Th>
            <Table.Th w={170}>Location</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th w={150}>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => {
            const here = location(m.locationId);
            const other = location(m.counterpartLocationId);
            const reason = movementReasonText(m.type, m.reason);
            return (
              <Table.Tr key={m.id} style={{ verticalAlign: 'top' }}>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>{formatInstant(m.recordedAt, here?.timezone ?? timeZone)}</Table.Td>
                <Table.Td>
                  {MOVEMENT_TYPE_LABELS[m.type]}
                  {m.type === 'transferred' && other && (
                    <Text size="xs" c="dimmed">
                      {m.direction === 'in' ? `from ${other.name}` : `to ${other.name}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="tabular" c={m.delta < 0 ? 'red.8' : undefined} fw={600}>
                  {signed(m.delta)}
                </Table.Td>
                <Table.Td>{here?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {reason || '—'}
                  {m.note && (
                    <Text size="xs" c="dimmed">
                      {m.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{who(m.recordedBy)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
