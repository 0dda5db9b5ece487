import { Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useSelectedLocation } from '@web/entities/location';
import { InventoryAlerts } from '@web/features/inventory/components/InventoryAlerts';
import { InventoryNav } from '@web/features/inventory/components/InventoryNav';
import { OnHandTable } from '@web/features/inventory/components/OnHandTable';
import { useOnHand } from '@web/features/inventory/hooks/useOnHand';

type Scope = 'here' | 'all';

export function InventoryPage() {
  useDocumentTitle('Inventory · SkinLedger');
  const { location } = useSelectedLocation();
  const [scope, setScope] = useState<Scope>('here');
  const locationId = scope === 'here' ? (location?.id ?? '') : '';
  const onHand = useOnHand(locationId);
  const where = scope === 'here' && location ? location.name : 'all locations';

  return (
    <>
      <PageHeader title="Inventory" description="Cartridge lots, expiry and recalls, and the clinic's devices." actions={<InventoryNav />} />
      <Stack gap="md">
        <section aria-labelledby="alerts-heading">
          <Title order={2} fz="md" mb="xs" id="alerts-heading">
            Needs attention
          </Title>
          <InventoryAlerts locationId={locationId} />
        </section>
        <Paper>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
            <Title order={2} fz="md">
              On hand at {where}
            </Title>
            <SegmentedControl
              size="xs"
              value={scope}
              onChange={(value) => setScope(value === 'all' ? 'all' : 'here')}
              data={[
                { value: 'here', label: location ? location.name : 'This location' },
                { value: 'all', label: 'All locations' },
              ]}
              aria-label="Show stock for"
            />
          </Group>
          {onHand.isPending && (
            <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading stock">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} height={28} />
              ))}
            </Stack>
          )}
          {onHand.isError && (
            <Stack p="md">
              <QueryErrorAlert error={onHand.error} what="stock on hand" onRetry={() => void onHand.refetch()} />
            </Stack>
          )}
          {onHand.data && onHand.data.length === 0 && (
            <EmptyState icon={<IconPackage size={22} />} title="No stock recorded yet">
              Stock appears here once a delivery is received with “Receive stock”.
            </EmptyState>
          )}
          {onHand.data && onHand.data.length > 0 && (
            <OnHandTable rows={onHand.data} showLocation={scope === 'all'} caption={`Stock on hand at ${where}, by product`} />
          )}
          <Text size="xs" c="dimmed" px="md" py="xs">
            Usable excludes recalled, quarantined and expired units.
          </Text>
        </Paper>
      </Stack>
    </>
  );
}
