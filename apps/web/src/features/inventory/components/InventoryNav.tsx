import { Button, Group } from '@mantine/core';
import { IconBarcode, IconDevices, IconListDetails, IconShieldExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';

/** The overview's actions: receive stock, and the other inventory pages. */
export function InventoryNav() {
  const canReceive = usePermission('inventory.receive');
  return (
    <Group gap="sm" wrap="nowrap">
      <Button component={Link} to="/inventory/lots" variant="default" leftSection={<IconListDetails size={16} aria-hidden />}>
        Lots
      </Button>
      <Button component={Link} to="/inventory/recalls" variant="default" leftSection={<IconShieldExclamation size={16} aria-hidden />}>
        Recalls
      </Button>
      <Button component={Link} to="/inventory/devices" variant="default" leftSection={<IconDevices size={16} aria-hidden />}>
        Devices
      </Button>
      {canReceive && (
        <Button component={Link} to="/inventory/receive" leftSection={<IconBarcode size={16} aria-hidden />}>
          Receive stock
        </Button>
      )}
    </Group>
  );
}
