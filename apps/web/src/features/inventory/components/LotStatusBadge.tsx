import { Badge } from '@mantine/core';
import type { LotStatus } from '@skinledger/domain';
import { LOT_STATUS_LOOK } from '@web/features/inventory/inventoryVocabulary';

export function LotStatusBadge({ status, size = 'sm' }: { status: LotStatus; size?: 'sm' | 'md' | 'lg' }) {
  const look = LOT_STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={status === 'available' ? 'dot' : 'light'} tt="none" fw={600} size={size}>
      {look.label}
    </Badge>
  );
}
