import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconCheck, IconChevronDown, IconUserX, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { usePermission } from '@web/entities/current-user';
import { timeText, whenText } from '@web/features/scheduling/appointmentWords';
import { useAppointmentLifecycle } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { CancelAppointmentDialog } from './CancelAppointmentDialog';
import { NoShowDialog } from './NoShowDialog';
import { problemText } from './problemText';
import { RescheduleDialog } from './RescheduleDialog';

type Dialog = 'cancel' | 'reschedule' | 'no-show' | null;

/** What the status flow allows next from the front desk (the API enforces the same flow). */
export function lifecycleActions(appointment: Pick<Appointment, 'status' | 'startsAt'>, now = Date.now()) {
  const open = appointment.status === 'booked' || appointment.status === 'confirmed';
  return {
    confirm: appointment.status === 'booked',
    reschedule: open,
    cancel: open || appointment.status === 'checked_in',
    // Missed only once the start has come.
    noShow: open && new Date(appointment.startsAt).getTime() <= now,
  };
}

interface AppointmentLifecycleActionsProps {
  appointment: Appointment;
  /** A menu for table rows; buttons in the drawer. */
  compact?: boolean;
  onChanged?: (appointment: Appointment) => void;
}

/**
 * Confirm, reschedule, cancel (with a reason) and no-show, for whoever may book. Each sends the patient a notice
 * through the outbox and is audited by the API; the result is confirmed in a notification that says what happened.
 */
export function AppointmentLifecycleActions({ appointment, compact = false, onChanged }: AppointmentLifecycleActionsProps) {
  const canBook = usePermission('schedule.book');
  const { confirm } = useAppointmentLifecycle();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!canBook) return null;
  const allowed = lifecycleActions(appointment);
  const any = allowed.confirm || allowed.reschedule || allowed.cancel || allowed.noShow;
  const first = appointment.patientName.split(' ')[0];
  const done = (changed: Appointment, title: string, message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', title, message });
    onChanged?.(changed);
  };
  const doConfirm = () =>
    confirm.mutate(appointment.id, {
      onSuccess: (a) => done(a, 'Confirmed', `${appointment.patientName}, ${whenText(a.startsAt, a.timeZone)}. ${first} gets a confirmation.`),
      onError: (error) => notifications.show({ color: 'red', title: 'Not confirmed', message: problemText(error).join(' ') }),
    });

  const dialogs = (
    <>
      <CancelAppointmentDialog
        appointment={appointment}
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        onCancelled={(a) =>
          done(a, a.lateCancellation ? 'Cancelled (late)' : 'Cancelled', `${appointment.patientName}, ${whenText(a.startsAt, a.timeZone)}. ${first} gets a cancellation notice.`)
        }
      />
      <RescheduleDialog
        appointment={appointment}
        opened={dialog === 'reschedule'}
        onClose={() => setDialog(null)}
        onRescheduled={(a) => done(a, 'Rescheduled', `${appointment.patientName} now comes ${whenText(a.startsAt, a.timeZone)}. ${first} gets the new time.`)}
      />
      <NoShowDialog
        appointment={appointment}
        opened={dialog === 'no-show'}
        onClose={() => setDialog(null)}
        onMarked={(a) => done(a, 'Marked as no-show', `${appointment.patientName}, ${timeText(a.startsAt, a.timeZone)}. ${first} gets a message to book again.`)}
      />
    </>
  );

  // Nothing left to do (cancelled, treated): only the dialogs stay, so one that just succeeded can close.
  if (!any) return dialogs;

  if (compact) {
    return (
      <>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} aria-label={`Actions: ${appointment.serviceName}, ${whenText(appointment.startsAt, appointment.timeZone)}`}>
              Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {allowed.confirm && (
              <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} onClick={doConfirm}>
                Confirm
              </Menu.Item>
            )}
            {allowed.reschedule && (
              <Menu.Item leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => setDialog('reschedule')}>
                Reschedule…
              </Menu.Item>
            )}
            {allowed.noShow && (
              <Menu.Item leftSection={<IconUserX size={16} aria-hidden />} onClick={() => setDialog('no-show')}>
                No-show…
              </Menu.Item>
            )}
            {allowed.cancel && (
              <Menu.Item color="red.9" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDialog('cancel')}>
                Cancel…
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
        {dialogs}
      </>
    );
  }

  return (
    <>
      <Group gap={6} role="group" aria-label="Appointment actions">
        {allowed.confirm && (
          <Button size="sm" variant="default" leftSection={<IconCheck size={16} aria-hidden />} onClick={doConfirm} loading={confirm.isPending}>
            Confirm
          </Button>
        )}
        {allowed.reschedule && (
          <Button size="sm" variant="default" leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => setDialog('reschedule')}>
            Reschedule…
          </Button>
        )}
        {allowed.noShow && (
          <Button size="sm" variant="default" leftSection={<IconUserX size={16} aria-hidden />} onClick={() => setDialog('no-show')}>
            No-show…
          </Button>
        )}
        {allowed.cancel && (
          <Button size="sm" variant="default" color="red.9" c="red.9" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDialog('cancel')}>
            Cancel…
          </Button>
        )}
      </Group>
      {dialogs}
    </>
  );
}
