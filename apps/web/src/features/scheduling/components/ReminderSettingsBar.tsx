import { Badge, Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { usePermission } from '@web/entities/current-user';
import { useReminderSettings, useSaveReminderSettings } from '@web/features/scheduling/hooks/useReminderSettings';

/** How many hours before an appointment its reminder goes, and whether e-mail is delivered or only kept here. */
export function ReminderSettingsBar() {
  const settings = useReminderSettings();
  const save = useSaveReminderSettings();
  const canManage = usePermission('settings.manage');
  const [hours, setHours] = useState<number | string | null>(null);
  if (!settings.data) return null;
  const value = hours ?? settings.data.hoursBefore;
  const submit = () =>
    typeof value === 'number' &&
    save.mutate(value, {
      onSuccess: (saved) => {
        setHours(null);
        notifications.show({ color: 'green', title: 'Saved', message: `Reminders go ${saved.hoursBefore} hours before appointments booked or moved from now on.` });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: describeProblem(error).summary?.messages.join(' ') }),
    });
  return (
    <Paper p="sm" mb="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NumberInput label="Reminder lead time (hours before)" min={1} max={336} w={220} value={value} onChange={setHours} disabled={!canManage} />
        {canManage && (
          <Button variant="default" onClick={submit} loading={save.isPending} disabled={value === settings.data.hoursBefore}>
            Save lead time
          </Button>
        )}
        <Group gap={6}>
          <Text size="sm">E-mail delivery:</Text>
          <Badge color={settings.data.emailDelivery ? 'green' : 'grape'} variant="light">
            {settings.data.emailDelivery ? 'SMTP configured' : 'not configured: messages stay here'}
          </Badge>
        </Group>
      </Group>
    </Paper>
  );
}
