import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { PRODUCT_KIND_LABELS } from '@web/features/inventory/inventoryVocabulary';
import type { OnHandRow } from '@web/features/inventory/inventoryTypes';

interface OnHandTableProps {
  rows: OnHandRow[];
  showLocation: boolean;
  caption: string;
}

/** On hand per product (and location): every unit on the shelf, and how many may be used today. */
export function OnHandTable({ rows, showLocation, caption }: OnHandTableProps) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th w={150}>Kind</Table.Th>
            {showLocation && <Table.Th w={170}>Location</Table.Th>}
            <Table.Th w={100} ta="right">On hand</Table.Th>
            <Table.Th w={100} ta="right">Usable</Table.Th>
            <Table.Th w={120} ta="right">Reorder at</Table.Th>
            <Table.Th w={110}>Lots</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.productId}-${r.locationId}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.productName}
                </Text>
                {r.gtin && (
                  <Text size="xs" c="dimmed" className="tabular">
                    GTIN {r.gtin}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{PRODUCT_KIND_LABELS[r.kind]}</Table.Td>
              {showLocation && <Table.Td>{r.locationName}</Table.Td>}
              <Table.Td ta="right" className="tabular">
                {r.onHand}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {r.usable}
                {r.belowReorderThreshold && (
                  <Badge ml={6} size="xs" color="yellow" variant="light" tt="none">
                    Low
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {r.reorderThreshold > 0 ? r.reorderThreshold : '—'}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/inventory/lots?productId=${r.productId}`} size="sm">
                  View lots<VisuallyHidden> of {r.productName}</VisuallyHidden>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
