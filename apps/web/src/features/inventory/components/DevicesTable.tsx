import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useLocationLookup } from '@web/features/inventory/hooks/useLocationLookup';
import type { Device } from '@web/features/inventory/inventoryTypes';
import { DeviceStatusBadge } from './DeviceStatusBadge';

interface DevicesTableProps {
  devices: Device[];
  canManage: boolean;
  onEditStatus: (device: Device) => void;
  onOpenLog: (device: Device) => void;
}

/** Handpieces by serial number, with their status and the way to their service log. */
export function DevicesTable({ devices, canManage, onEditStatus, onOpenLog }: DevicesTableProps) {
  const location = useLocationLookup();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>Devices</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Model</Table.Th>
            <Table.Th w={180}>Serial number</Table.Th>
            <Table.Th w={170}>Location</Table.Th>
            <Table.Th w={200}>Status</Table.Th>
            <Table.Th w={250}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((d) => (
            <Table.Tr key={d.id} style={{ verticalAlign: 'top' }}>
              <Table.Td fw={600}>{d.model}</Table.Td>
              <Table.Td ff="monospace">{d.serialNumber}</Table.Td>
              <Table.Td>{location(d.locationId)?.name ?? '—'}</Table.Td>
              <Table.Td>
                <DeviceStatusBadge status={d.status} />
                {d.statusReason && (
                  <Text size="xs" c="dimmed">
                    {d.statusReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onOpenLog(d)}>
                    Service log<VisuallyHidden> of {d.serialNumber}</VisuallyHidden>
                  </Button>
                  {canManage && d.status !== 'retired' && (
                    <Button size="xs" variant="default" onClick={() => onEditStatus(d)}>
                      Change status<VisuallyHidden> of {d.serialNumber}</VisuallyHidden>
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
