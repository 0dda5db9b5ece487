import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';
import { useSetStaffMemberActive } from '@web/features/staff/hooks/useSetStaffMemberActive';

interface DeactivateStaffMemberDialogProps {
  member: StaffMember | null;
  onClose: () => void;
}

/** Confirms a deactivation: it ends every session of the account at once. */
export function DeactivateStaffMemberDialog({ member: requested, onClose }: DeactivateStaffMemberDialogProps) {
  const member = useLastDefined(requested);
  const setActive = useSetStaffMemberActive();
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);

  const close = () => {
    setProblem(null);
    setActive.reset();
    onClose();
  };

  const confirm = () => {
    if (!member) return;
    setProblem(null);
    setActive.mutate(
      { id: member.id, active: false },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: `${member.name} was deactivated`,
            message: 'Their sessions have ended. You can reactivate the account at any time.',
          });
          close();
        },
        onError: (error) => setProblem(describeProblem(error).summary),
      },
    );
  };

  return (
    <Modal opened={requested !== null} onClose={close} title={member ? `Deactivate ${member.name}?` : 'Deactivate'} size="md">
      <Stack gap="md">
        <Text size="sm">
          {member?.name} will be <strong>signed out of SkinLedger on every device at once</strong> and will not be able to
          sign in again until the account is reactivated.
        </Text>
        <Text size="sm" c="dimmed">
          Their treatment records, credentials and audit history are kept.
        </Text>
        <FormAlert summary={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={setActive.isPending}>
            Deactivate and end sessions
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
