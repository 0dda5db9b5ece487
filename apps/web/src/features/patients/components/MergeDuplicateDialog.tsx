import { Button, Group, List, Modal, Text } from '@mantine/core';
import type { PossibleDuplicate } from '@web/features/patients/hooks/usePossibleDuplicates';

interface MergeDuplicateDialogProps {
  pair: PossibleDuplicate | null;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
}

/** What a merge does, said before it is done: it cannot be undone from the dashboard. */
export function MergeDuplicateDialog({ pair, onCancel, onConfirm, busy }: MergeDuplicateDialogProps) {
  return (
    <Modal opened={pair !== null} onClose={onCancel} title="Merge the online record?" centered>
      {pair && (
        <>
          <Text size="sm">
            {pair.patient.name} ({pair.patient.mrn}) will be merged into {pair.existing.name} ({pair.existing.mrn}):
          </Text>
          <List size="sm" my="sm" spacing={4}>
            <List.Item>Appointments, courses and waitlist entries move to {pair.existing.mrn}.</List.Item>
            <List.Item>Consents waiting for a signature are voided; prepare them again on {pair.existing.mrn}.</List.Item>
            <List.Item>{pair.patient.mrn} is archived and points at {pair.existing.mrn}; nothing is deleted.</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            A record with signed consents, a medical history or treatment records is not merged: signed records never change.
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button onClick={onConfirm} loading={busy}>
              Merge
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
