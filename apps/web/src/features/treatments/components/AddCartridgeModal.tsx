import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSessionAction } from '@web/features/treatments/hooks/useSessionActions';
import { LotPicker } from './LotPicker';

interface AddCartridgeModalProps {
  sessionId: string;
  locationId: string;
  opened: boolean;
  onClose: () => void;
}

/** A second cartridge mid-session is allowed only with a reason (domain.md section 9); it is another "used" movement. */
export function AddCartridgeModal({ sessionId, locationId, opened, onClose }: AddCartridgeModalProps) {
  const [selection, setSelection] = useState<{ productId: string | null; lotId: string | null }>({ productId: null, lotId: null });
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const add = useSessionAction(sessionId);
  const close = () => {
    setSelection({ productId: null, lotId: null });
    setReason('');
    setProblem(null);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selection.lotId) return;
    add.mutate(
      { action: 'cartridge', body: { cartridgeLotId: selection.lotId, reason } },
      { onSuccess: close, onError: (error) => setProblem(describeProblem(error).summary) },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="Add a second cartridge" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <LotPicker locationId={locationId} productId={selection.productId} lotId={selection.lotId} onChange={setSelection} />
          <TextInput label="Reason" placeholder="e.g. Cartridge jammed after the forehead" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
          <FormAlert summary={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!selection.lotId || !reason.trim()}>
              Take cartridge from stock
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
