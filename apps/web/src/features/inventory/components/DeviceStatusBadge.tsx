import { Badge } from '@mantine/core';
import type { DeviceStatus } from '@skinledger/domain';
import { DEVICE_STATUS_LOOK } from '@web/features/inventory/inventoryVocabulary';

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const look = DEVICE_STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={status === 'active' ? 'dot' : 'light'} tt="none" fw={600}>
      {look.label}
    </Badge>
  );
}
