import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSetPatientArchived } from '@web/features/patients/hooks/useSetPatientArchived';
import { fullName } from '@web/entities/patient';
import type { Patient } from '@web/features/patients/patientTypes';

interface ArchivePatientDialogProps {
  patient: Patient;
  opened: boolean;
  onClose: () => void;
}

/** Confirms archiving: hidden from lists and bookings, nothing deleted, restorable at any time. */
export function ArchivePatientDialog({ patient, opened, onClose }: ArchivePatientDialogProps) {
  const setArchived = useSetPatientArchived();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const name = fullName(patient);

  const close = () => {
    setProblem(null);
    setReason('');
    onClose();
  };

  const confirm = () => {
    setProblem(null);
    setArchived.mutate(
      { id: patient.id, archived: true, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: `${name} was archived`, message: 'The record is kept and can be restored at any time.' });
          close();
        },
        onError: (error) => setProblem(describeProblem(error).summary),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={`Archive ${name}?`} size="md">
      <Stack gap="md">
        <Text size="sm">
          Archived patients are hidden from the patient list and cannot be booked or treated. <strong>Nothing is deleted</strong>: the
          medical history, timeline and audit trail stay, and you can restore the record at any time.
        </Text>
        <Textarea label="Reason" description="Optional, e.g. moved away" autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <FormAlert summary={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={setArchived.isPending}>
            Archive patient
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
