import { Alert, Button, Chip, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { isLateCancellation } from '@skinledger/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { durationText, whenText } from '@web/features/scheduling/appointmentWords';
import { type CancelledBy, useAppointmentLifecycle, useCancellationSettings } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { RefusalAlert } from './RefusalAlert';

/** Reasons the front desk gives most; one click fills the field, which stays editable. */
const COMMON_REASONS: Record<CancelledBy, string[]> = {
  patient: ['Patient unwell', 'Schedule conflict', 'Travel or transport', 'Changed their mind'],
  clinic: ['Practitioner unavailable', 'Room or equipment unavailable', 'Clinic closed'],
};

interface CancelAppointmentDialogProps {
  appointment: Appointment;
  opened: boolean;
  onClose: () => void;
  onCancelled: (cancelled: Appointment) => void;
  /** For tests: the current time. */
  now?: () => number;
}

/**
 * Cancel with a reason: who asked for it (a patient's cancellation inside the clinic's window is recorded as late,
 * and the dialog says so before anything is sent), the reason (required), and the notice the patient gets.
 */
export function CancelAppointmentDialog({ appointment, opened, onClose, onCancelled, now = Date.now }: CancelAppointmentDialogProps) {
  const { cancel } = useAppointmentLifecycle();
  const settings = useCancellationSettings();
  const [cancelledBy, setCancelledBy] = useState<CancelledBy>('patient');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (opened) {
      setCancelledBy('patient');
      setReason('');
      setTouched(false);
      cancel.reset();
    }
  }, [opened]);

  const windowHours = settings.data?.lateCancellationHours;
  const untilStart = new Date(appointment.startsAt).getTime() - now();
  const late = windowHours !== undefined && isLateCancellation({ startsAt: new Date(appointment.startsAt), cancelledAt: now(), windowHours, cancelledBy });
  const missingReason = reason.trim().length === 0;
  const submit = () => {
    setTouched(true);
    if (missingReason) return;
    cancel.mutate({ id: appointment.id, reason: reason.trim(), cancelledBy }, { onSuccess: (a) => onCancelled(a) });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Cancel appointment" size="md">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{appointment.patientName}</Text>
          <Text size="sm">
            {appointment.serviceName} with {appointment.practitionerName}
          </Text>
          <Text size="sm">
            {whenText(appointment.startsAt, appointment.timeZone)} · {appointment.roomName}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={500} id="cancelled-by-label" mb={4}>
            Who is cancelling?
          </Text>
          <SegmentedControl
            aria-labelledby="cancelled-by-label"
            value={cancelledBy}
            onChange={(value) => setCancelledBy(value as CancelledBy)}
            data={[
              { value: 'patient', label: 'The patient' },
              { value: 'clinic', label: 'The clinic' },
            ]}
          />
        </div>
        {late ? (
          <Alert
            color="orange"
            title="Late cancellation"
            variant="light"
            role="status"
            icon={<IconAlertTriangle size={18} color="var(--mantine-color-orange-9)" aria-hidden />}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {untilStart > 0 ? `The appointment starts in ${durationText(untilStart)}` : 'The appointment has already started'}, inside the clinic’s {windowHours}-hour
            window: it will be recorded as a late cancellation.
          </Alert>
        ) : (
          cancelledBy === 'patient' &&
          windowHours !== undefined &&
          windowHours > 0 && (
            <Text size="sm" c="dimmed">
              More than {windowHours} hours before the start: not a late cancellation.
            </Text>
          )
        )}
        <Group gap={6} aria-label="Common reasons" role="group">
          {COMMON_REASONS[cancelledBy].map((r) => (
            <Chip key={r} size="xs" variant="outline" checked={reason === r} onChange={() => setReason(r)}>
              {r}
            </Chip>
          ))}
        </Group>
        <Textarea
          label="Reason"
          description="Kept with the appointment and in the audit trail; the patient does not see it."
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={touched && missingReason ? 'Give a reason for the cancellation' : undefined}
        />
        <Text size="sm" c="dimmed">
          {appointment.patientName.split(' ')[0]} gets a cancellation notice; the time is offered to the waitlist.
        </Text>
        {cancel.isError && <RefusalAlert title="Not cancelled" error={cancel.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep appointment
          </Button>
          <Button color="red.9" onClick={submit} loading={cancel.isPending}>
            Cancel appointment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
