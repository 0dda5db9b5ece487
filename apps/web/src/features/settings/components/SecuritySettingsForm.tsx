import { Alert, Button, Checkbox, Group, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSignedInUser } from '@web/entities/current-user';
import { useSaveSecuritySettings } from '@web/features/settings/hooks/useSecuritySettings';

/** Which roles must turn on two-step sign-in; those who have not yet can only enrol after signing in. */
export function SecuritySettingsForm({ settings }: { settings: Schemas['SecuritySettingsDto'] }) {
  const [roles, setRoles] = useState<StaffRole[]>(settings.mfaRequiredRoles);
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const save = useSaveSecuritySettings();
  const user = useSignedInUser();
  const locksOwnAccount = roles.includes(user.role) && !user.mfaEnabled;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    save.mutate(
      { mfaRequiredRoles: STAFF_ROLES.filter((role) => roles.includes(role)) },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Saved', message: 'Two-step sign-in requirements updated.' }),
        onError: (error) => setProblem(describeProblem(error).summary),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Security settings">
      <Stack gap="md">
        <Checkbox.Group
          label="Require two-step sign-in for"
          description="Staff in these roles who have not turned it on yet are asked to set it up right after they sign in, before anything else."
          value={roles}
          onChange={(value) => setRoles(value as StaffRole[])}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs" maw={620}>
            {STAFF_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={STAFF_ROLE_LABELS[role]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {locksOwnAccount && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="sm" maw={620}>
            You have not turned on two-step sign-in yourself: after saving, you will be asked to set it up before you can
            continue.
          </Alert>
        )}
        <FormAlert summary={problem} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save security settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
