import { Alert, Anchor, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import type { Receipt } from '@web/features/inventory/inventoryTypes';

/** The lot just received with its new on-hand, and a link to it. */
export function ReceiptResult({ receipt, locationName }: { receipt: Receipt; locationName: string }) {
  const { lot, movement } = receipt;
  const here = lot.balances.find((b) => b.locationId === movement.locationId);
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={`Received ${movement.quantity} × ${lot.product.name}`} role="status">
      <Text size="sm">
        Lot{' '}
        <Anchor component={Link} to={`/inventory/lots/${lot.id}`} fw={600} size="sm">
          {lot.lotNumber}
        </Anchor>
        {receipt.lotCreated ? ' (new lot)' : ' (added to the lot on record)'}, expires {formatCalendarDate(lot.expiresOn)}. On hand at {locationName}:{' '}
        <strong className="tabular">{here?.onHand ?? lot.onHand}</strong>.
      </Text>
    </Alert>
  );
}
