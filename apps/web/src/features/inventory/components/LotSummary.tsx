import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatLabelDateTime } from '@web/features/inventory/labelDateTime';
import { PRODUCT_KIND_LABELS } from '@web/features/inventory/inventoryVocabulary';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';
import { LotStatusBadge } from './LotStatusBadge';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

/** The lot's label data, its status and the stock at each location. */
export function LotSummary({ lot }: { lot: LotDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper p="md">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Item label="Product">
            {lot.product.name} ({PRODUCT_KIND_LABELS[lot.product.kind]})
          </Item>
          <Item label="Manufacturer">{lot.product.manufacturer}</Item>
          <Item label="GTIN">{lot.product.gtin ?? '—'}</Item>
          <Item label="Expires">{formatCalendarDate(lot.expiresOn)}</Item>
          <Item label="Status">
            <LotStatusBadge status={lot.status} />
          </Item>
          <Item label="Supplier">{lot.supplier ?? '—'}</Item>
          {lot.holdReason && <Item label="Hold reason">{lot.holdReason}</Item>}
          {lot.labelExpiresAt && <Item label="Expires at (label)">{formatLabelDateTime(lot.labelExpiresAt)}</Item>}
          {lot.additionalProductId && <Item label="Additional product id (240)">{lot.additionalProductId}</Item>}
          {lot.labelItemCount !== null && <Item label="Count (30)">{lot.labelItemCount}</Item>}
        </SimpleGrid>
        {lot.udiData && (
          <Stack gap={0} mt="sm">
            <Item label={lot.udiFormat === 'hibc' ? 'HIBC label as scanned' : 'GS1 label (every element, as scanned)'}>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} mt={4}>
                {lot.udiData}
              </Text>
            </Item>
          </Stack>
        )}
      </Paper>
      <Paper>
        <Group px="md" pt="sm">
          <Title order={2} fz="md">
            On hand
          </Title>
          <Text size="sm" c="dimmed" className="tabular">
            {lot.onHand} in all
          </Text>
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Location</Table.Th>
              <Table.Th w={100} ta="right" style={{ whiteSpace: 'nowrap' }}>
                On hand
              </Table.Th>
              <Table.Th w={130}>Status there</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lot.balances.map((b) => (
              <Table.Tr key={b.locationId}>
                <Table.Td>{b.locationName}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {b.onHand}
                </Table.Td>
                <Table.Td>
                  <LotStatusBadge status={b.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </SimpleGrid>
  );
}
