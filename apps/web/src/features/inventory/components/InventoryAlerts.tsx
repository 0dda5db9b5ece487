import { Alert, Anchor, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconPackageImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { EXPIRY_ALERT_DAYS, useInventoryAlerts } from '@web/features/inventory/hooks/useInventoryAlerts';
import type { InventoryAlerts as Alerts } from '@web/features/inventory/inventoryTypes';

const expiryText = (days: number) =>
  days < 0 ? `expired ${-days} day${days === -1 ? '' : 's'} ago` : days === 0 ? 'expires today' : `expires in ${days} day${days === 1 ? '' : 's'}`;

function AlertLists({ alerts, showLocation }: { alerts: Alerts; showLocation: boolean }) {
  const where = (name: string) => (showLocation ? ` at ${name}` : '');
  const empty = alerts.recalledOnShelf.length + alerts.expiring.length + alerts.lowStock.length === 0;
  if (empty) {
    return (
      <Text size="sm" c="dimmed">
        No recalled lots on the shelf, nothing expiring within {EXPIRY_ALERT_DAYS} days and no product under its reorder threshold.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {alerts.recalledOnShelf.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} aria-hidden />} title="Recalled lots still on the shelf: take them out">
          <List size="sm" spacing={2}>
            {alerts.recalledOnShelf.map((a) => (
              <List.Item key={`${a.lotId}-${a.locationId}`}>
                <Anchor component={Link} to={`/inventory/lots/${a.lotId}`} size="sm" fw={600}>
                  {a.productName}, lot {a.lotNumber}
                </Anchor>
                {`: ${a.onHand} on hand${where(a.locationName)}`}
                {a.recallClass && ` (class ${a.recallClass})`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {alerts.expiring.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={`Expired or expiring within ${EXPIRY_ALERT_DAYS} days`}>
          <List size="sm" spacing={2}>
            {alerts.expiring.map((a) => (
              <List.Item key={`${a.lotId}-${a.locationId}`}>
                <Anchor component={Link} to={`/inventory/lots/${a.lotId}`} size="sm" fw={600}>
                  {a.productName}, lot {a.lotNumber}
                </Anchor>
                {`: ${expiryText(a.daysUntilExpiry)} (${formatCalendarDate(a.expiresOn)}), ${a.onHand} on hand${where(a.locationName)}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {alerts.lowStock.length > 0 && (
        <Alert color="orange" variant="outline" icon={<IconPackageImport size={18} aria-hidden />} title="Under the reorder threshold">
          <List size="sm" spacing={2}>
            {alerts.lowStock.map((a) => (
              <List.Item key={`${a.productId}-${a.locationId}`}>
                {`${a.productName}: ${a.usable} usable, reorder at ${a.reorderThreshold}${where(a.locationName)}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** What needs attention first: recalled stock (red), expiry (amber), low stock. */
export function InventoryAlerts({ locationId }: { locationId: string }) {
  const alerts = useInventoryAlerts(locationId);
  if (alerts.isPending) return <Skeleton height={64} role="status" aria-label="Loading alerts" />;
  if (alerts.isError) return <QueryErrorAlert error={alerts.error} what="inventory alerts" onRetry={() => void alerts.refetch()} />;
  return <AlertLists alerts={alerts.data} showLocation={!locationId} />;
}
