import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';

interface StaffPasswordFormProps {
  staffName: string;
  submitLabel: string;
  description: string;
  busy: boolean;
  onSubmit: (password: string) => Promise<unknown>;
  secondary?: React.ReactNode;
}

/** The staff member proves they have the tablet back by re-entering their password. */
export function StaffPasswordForm({ staffName, submitLabel, description, busy, onSubmit, secondary }: StaffPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setSummary(null);
    onSubmit(password).catch((error: unknown) => {
      const feedback = describeProblem(error, (field) => (field === 'password' ? 'password' : undefined));
      setFieldError(feedback.fieldErrors.password ?? null);
      setSummary(feedback.summary);
      setPassword('');
    });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <PasswordInput
          label={`Password of ${staffName}`}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError}
          size="md"
          required
        />
        <FormAlert summary={summary} />
        <Group justify="flex-end" gap="sm">
          {secondary}
          <Button type="submit" size="md" loading={busy} disabled={!password}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
