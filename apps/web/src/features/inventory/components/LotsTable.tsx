import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import type { Lot } from '@web/features/inventory/inventoryTypes';
import { LotStatusBadge } from './LotStatusBadge';

/** Lots, earliest expiry first; the lot number links to the lot page. */
export function LotsTable({ lots, caption }: { lots: Lot[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Lot</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th w={140}>Expires</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={100} ta="right">On hand</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.map((lot) => (
            <Table.Tr key={lot.id}>
              <Table.Td>
                <Anchor component={Link} to={`/inventory/lots/${lot.id}`} fw={600} size="sm" ff="monospace">
                  {lot.lotNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lot.product.name}</Text>
                <Text size="xs" c="dimmed">
                  {lot.product.manufacturer}
                </Text>
              </Table.Td>
              <Table.Td className="tabular">{formatCalendarDate(lot.expiresOn)}</Table.Td>
              <Table.Td>
                <LotStatusBadge status={lot.status} />
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {lot.onHand}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
