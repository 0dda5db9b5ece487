import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { usePermission } from '@web/entities/current-user';
import { useCancellationSettings, useSaveCancellationSettings } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import { problemText } from './problemText';

/** The clinic's late-cancellation window: a patient's cancellation this many hours or fewer before the start is late. */
export function CancellationPolicyPanel() {
  const settings = useCancellationSettings();
  const save = useSaveCancellationSettings();
  const canManage = usePermission('settings.manage');
  const [hours, setHours] = useState<number | string | null>(null);
  if (!settings.data) return null;
  const value = hours ?? settings.data.lateCancellationHours;
  const submit = () =>
    typeof value === 'number' &&
    save.mutate(value, {
      onSuccess: (saved) => {
        setHours(null);
        notifications.show({
          color: 'green',
          title: 'Saved',
          message:
            saved.lateCancellationHours === 0
              ? 'No cancellation is marked late from now on.'
              : `A patient's cancellation ${saved.lateCancellationHours} hours or fewer before the start is marked late from now on.`,
        });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: problemText(error).join(' ') }),
    });
  return (
    <Paper p="md" component="section" aria-labelledby="cancellation-policy-heading">
      <Title order={2} size="h4" id="cancellation-policy-heading" mb={4}>
        Late cancellations
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={640}>
        When a patient cancels inside this window, the appointment is marked as a late cancellation (for your fee or deposit policy). Cancellations by the
        clinic are never late. 0 turns the flag off.
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput label="Window (hours before the start)" min={0} max={168} w={260} value={value} onChange={setHours} disabled={!canManage} allowDecimal={false} />
        {canManage && (
          <Button variant="default" onClick={submit} loading={save.isPending} disabled={value === settings.data.lateCancellationHours}>
            Save window
          </Button>
        )}
      </Group>
    </Paper>
  );
}
