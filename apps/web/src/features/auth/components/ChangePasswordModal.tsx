import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MIN_LENGTH } from '@skinledger/domain';
import type { FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PasswordStrength } from '@web/components/PasswordStrength';
import { useSignedInUser } from '@web/entities/current-user';
import { passwordLengthProblem } from '@web/lib/form/rules';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useChangePassword } from '@web/features/auth/hooks/useChangePassword';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const EMPTY: PasswordValues = { currentPassword: '', newPassword: '', confirmPassword: '' };
const mapField = fieldsOf(['currentPassword', 'newPassword']);

function validate(values: PasswordValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.currentPassword) errors.currentPassword = 'Enter your current password';
  const tooShort = passwordLengthProblem(values.newPassword);
  if (tooShort) errors.newPassword = tooShort;
  if (values.confirmPassword !== values.newPassword) errors.confirmPassword = 'The two new passwords differ';
  return errors;
}

/** Replaces a temporary password; other devices are signed out, this one stays signed in. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm(EMPTY, validate);
  const feedback = useProblemFeedback(form, mapField);
  const change = useChangePassword();
  const user = useSignedInUser();

  const close = () => {
    form.reset(EMPTY);
    feedback.clear();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    change.mutate(
      { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Password changed', message: 'Your other devices have been signed out.' });
          close();
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Change password" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Choose a password of at least {PASSWORD_MIN_LENGTH} characters. Your other devices are signed out; this one stays signed in.
          </Text>
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.textInput('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" required {...form.textInput('newPassword')} />
          <PasswordStrength password={form.values.newPassword} owner={user} />
          <PasswordInput label="Repeat new password" autoComplete="new-password" required {...form.textInput('confirmPassword')} />
          <FormAlert summary={feedback.summary} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
