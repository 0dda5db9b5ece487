import { Anchor, Divider, Drawer, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePermission } from '@web/entities/current-user';
import { useDevice } from '@web/features/inventory/hooks/useDevice';
import { SERVICE_KIND_LABELS } from '@web/features/inventory/inventoryVocabulary';
import type { Device } from '@web/features/inventory/inventoryTypes';
import { ServiceEventForm } from './ServiceEventForm';

/** A device's service history, newest first, and (for those who manage devices) a form to add to it. */
export function ServiceLogDrawer({ device, onClose }: { device: Device | null; onClose: () => void }) {
  const canManage = usePermission('devices.manage');
  const canSeeExposure = usePermission('exposure.read');
  const detail = useDevice(device?.id ?? null);
  const events = [...(detail.data?.serviceEvents ?? [])].reverse();
  return (
    <Drawer opened={device !== null} onClose={onClose} position="right" size="md" title={device ? `Service log · ${device.serialNumber}` : 'Service log'}>
      <Stack gap="md">
        {canSeeExposure && device && (
          <Anchor component={Link} to={`/inventory/devices/${device.id}/exposure`} size="sm">
            Patients treated with this pen
          </Anchor>
        )}
        {canManage && device && device.status !== 'retired' && (
          <>
            <Title order={3} fz="sm">
              Record service
            </Title>
            <ServiceEventForm deviceId={device.id} />
            <Divider />
          </>
        )}
        <Title order={3} fz="sm">
          History
        </Title>
        {detail.isPending && <Skeleton height={64} role="status" aria-label="Loading the service log" />}
        {detail.isError && <QueryErrorAlert error={detail.error} what="the service log" onRetry={() => void detail.refetch()} />}
        {detail.data && events.length === 0 && (
          <Text size="sm" c="dimmed">
            No service recorded yet.
          </Text>
        )}
        {events.length > 0 && (
          <Timeline bulletSize={12} lineWidth={2}>
            {events.map((e) => (
              <Timeline.Item key={e.id} title={`${SERVICE_KIND_LABELS[e.kind]} · ${formatCalendarDate(e.occurredOn)}`}>
                <Text size="sm">{e.description}</Text>
                {e.performedBy && (
                  <Text size="xs" c="dimmed">
                    By {e.performedBy}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Drawer>
  );
}
