import { Anchor, Button, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDevices, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePermission } from '@web/entities/current-user';
import { AddDeviceModal } from '@web/features/inventory/components/AddDeviceModal';
import { DevicesTable } from '@web/features/inventory/components/DevicesTable';
import { DeviceStatusModal } from '@web/features/inventory/components/DeviceStatusModal';
import { ServiceLogDrawer } from '@web/features/inventory/components/ServiceLogDrawer';
import { useDevices } from '@web/features/inventory/hooks/useDevices';
import type { Device } from '@web/features/inventory/inventoryTypes';

export function DevicesPage() {
  useDocumentTitle('Devices · SkinLedger');
  const canManage = usePermission('devices.manage');
  const devices = useDevices();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Device | null>(null);
  const [logOf, setLogOf] = useState<Device | null>(null);
  const logDevice = logOf ? (devices.data?.find((d) => d.id === logOf.id) ?? logOf) : null;

  return (
    <>
      <PageHeader
        title="Devices"
        description="Reusable handpieces, tracked by serial number, with their service history."
        actions={
          <Group gap="md">
            <Anchor component={Link} to="/inventory" size="sm">
              Back to inventory
            </Anchor>
            {canManage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                Add device
              </Button>
            )}
          </Group>
        }
      />
      <Paper>
        {devices.isPending && (
          <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading devices">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        )}
        {devices.isError && (
          <Stack p="md">
            <QueryErrorAlert error={devices.error} what="devices" onRetry={() => void devices.refetch()} />
          </Stack>
        )}
        {devices.data && devices.data.length === 0 && (
          <EmptyState icon={<IconDevices size={22} />} title="No devices yet">
            {canManage ? 'Add each handpiece with its serial number to keep its service log.' : 'Devices appear here once they are added.'}
          </EmptyState>
        )}
        {devices.data && devices.data.length > 0 && (
          <DevicesTable devices={devices.data} canManage={canManage} onEditStatus={setEditing} onOpenLog={setLogOf} />
        )}
      </Paper>
      {canManage && <AddDeviceModal opened={adding} onClose={() => setAdding(false)} />}
      {canManage && <DeviceStatusModal device={editing} onClose={() => setEditing(null)} />}
      <ServiceLogDrawer device={logDevice} onClose={() => setLogOf(null)} />
    </>
  );
}
