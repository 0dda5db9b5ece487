import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSessionAction } from '@web/features/treatments/hooks/useSessionActions';

interface SignSessionModalProps {
  sessionId: string;
  signerName: string;
  opened: boolean;
  onClose: () => void;
}

/** Signing locks the record (only addenda after); the treating practitioner re-confirms their password. */
export function SignSessionModal({ sessionId, signerName, opened, onClose }: SignSessionModalProps) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const sign = useSessionAction(sessionId);
  const close = () => {
    setPassword('');
    setProblem(null);
    setPasswordError(undefined);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setPasswordError(undefined);
    sign.mutate(
      { action: 'sign', body: { password } },
      {
        onSuccess: close,
        onError: (error) => {
          // A wrong password belongs on the field; anything else (a rule, a conflict) above the buttons.
          const feedback = describeProblem(error, (field) => (field === 'password' ? 'password' : undefined));
          setPasswordError(feedback.fieldErrors.password);
          setProblem(feedback.summary);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="Sign and lock the session">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">Once signed, the record cannot be changed. Corrections are added as dated addenda.</Text>
          <PasswordInput label={`Password of ${signerName}`} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={passwordError} required data-autofocus size="md" />
          <FormAlert summary={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={sign.isPending} disabled={!password}>
              Sign and lock
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
