import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { describeProblem, type ProblemFeedback } from '../../../lib/problems/describeProblem';
import { useSessionAction } from '../hooks/useSessionActions';

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
  const sign = useSessionAction(sessionId);
  const close = () => {
    setPassword('');
    setProblem(null);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    sign.mutate({ action: 'sign', body: { password } }, { onSuccess: close, onError: (error) => setProblem(describeProblem(error).summary) });
  };
  return (
    <Modal opened={opened} onClose={close} title="Sign and lock the session">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">Once signed, the record cannot be changed. Corrections are added as dated addenda.</Text>
          <PasswordInput label={`Password of ${signerName}`} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required data-autofocus size="md" />
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
