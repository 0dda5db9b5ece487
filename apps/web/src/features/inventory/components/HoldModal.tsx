import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useLotAction } from '@web/features/inventory/hooks/useLotAction';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';

export type HoldKind = 'quarantine' | 'release';

const mapField = fieldsOf(['reason']);

interface HoldModalProps {
  lot: LotDetail;
  kind: HoldKind | null;
  onClose: () => void;
}

/** Puts the lot on hold (nothing may be used or transferred) or releases it. */
export function HoldModal({ lot, kind, onClose }: HoldModalProps) {
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === 'release' ? 'Release lot' : 'Quarantine lot'} size="md">
      {kind && <HoldForm lot={lot} kind={kind} onDone={onClose} />}
    </Modal>
  );
}

function HoldForm({ lot, kind, onDone }: { lot: LotDetail; kind: HoldKind; onDone: () => void }) {
  const [initial] = useState({ reason: '' });
  const validate = (v: { reason: string }): FieldErrors => (kind === 'quarantine' && !v.reason.trim() ? { reason: 'Say why the lot is held' } : {});
  const form = useForm(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const action = useLotAction(lot.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const reason = form.values.reason.trim();
    const input = kind === 'quarantine' ? { action: kind, body: { reason } } : { action: kind, body: reason ? { reason } : {} };
    action.mutate(input, { onSuccess: onDone, onError: feedback.showError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {kind === 'quarantine'
            ? `Lot ${lot.lotNumber} will be on hold at every location: it can only be wasted or returned until it is released.`
            : `Lot ${lot.lotNumber} will be usable again (unless it has expired).`}
        </Text>
        <TextInput label="Reason" required={kind === 'quarantine'} data-autofocus autoComplete="off" {...form.textInput('reason')} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={action.isPending} color={kind === 'quarantine' ? 'orange' : undefined}>
            {kind === 'quarantine' ? 'Quarantine' : 'Release'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
