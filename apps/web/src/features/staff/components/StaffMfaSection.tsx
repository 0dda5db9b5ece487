import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { usePermission, useSignedInUser } from '@web/entities/current-user';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';
import { useResetStaffMfa } from '@web/features/staff/hooks/useResetStaffMfa';

/**
 * Whether two-step sign-in is on for this person and, for the owner, the reset for a lost phone. One's own is
 * turned off from the account menu instead (that needs the password and a code).
 */
export function StaffMfaSection({ member }: { member: StaffMember }) {
  const [mfaEnabled, setMfaEnabled] = useState(member.mfaEnabled);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const reset = useResetStaffMfa();
  const actor = useSignedInUser();
  const mayReset = usePermission('security.manage') && member.id !== actor.id && mfaEnabled;

  const close = () => {
    setConfirming(false);
    setProblem(null);
  };
  const confirm = () => {
    setProblem(null);
    reset.mutate(member.id, {
      onSuccess: (saved) => {
        setMfaEnabled(saved.mfaEnabled);
        notifications.show({
          color: 'green',
          title: 'Two-step sign-in reset',
          message: `${member.name} was signed out and will set it up again at the next sign-in.`,
        });
        close();
      },
      onError: (error) => setProblem(describeProblem(error).summary),
    });
  };

  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Two-step sign-in
          </Text>
          <Badge color={mfaEnabled ? 'green' : 'gray'} variant="light" data-testid="staff-mfa-status">
            {mfaEnabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        {mayReset && (
          <Button variant="default" color="red" size="xs" onClick={() => setConfirming(true)}>
            Reset two-step sign-in
          </Button>
        )}
      </Group>
      <Modal opened={confirming} onClose={close} title={`Reset two-step sign-in for ${member.name}?`} size="md">
        <Stack gap="md">
          <Text size="sm">
            Their authenticator and recovery codes stop working, and they are <strong>signed out on every device</strong>.
            Do this when they lost their phone, after checking it is really them.
          </Text>
          <Text size="sm" c="dimmed">
            They sign in with their password alone and set up two-step sign-in again (at once, if their role requires it).
          </Text>
          <FormAlert summary={problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={reset.isPending}>
              Reset and sign them out
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
