import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { RecallClass } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useLotAction } from '@web/features/inventory/hooks/useLotAction';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';
import { RecallClassSelect } from './RecallClassSelect';

interface RecallValues {
  recallClass: RecallClass | null;
  reason: string;
  reference: string;
}

const mapField = fieldsOf(['recallClass', 'reason', 'reference']);

function validate(v: RecallValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.recallClass) errors.recallClass = 'Choose the class from the notice';
  if (!v.reason.trim()) errors.reason = 'Say why the lot is recalled';
  return errors;
}

interface RecallLotModalProps {
  lot: LotDetail;
  opened: boolean;
  onClose: () => void;
}

export function RecallLotModal({ lot, opened, onClose }: RecallLotModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Recall lot" size="md">
      {opened && <RecallLotForm lot={lot} onDone={onClose} />}
    </Modal>
  );
}

/** Recalls the lot at once at every location; recorded in the clinic's recalls. */
function RecallLotForm({ lot, onDone }: { lot: LotDetail; onDone: () => void }) {
  const [initial] = useState<RecallValues>({ recallClass: null, reason: '', reference: '' });
  const form = useForm<RecallValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const action = useLotAction(lot.id);
  const navigate = useNavigate();
  const canSeeExposure = usePermission('exposure.read');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const { recallClass, reason, reference } = form.values;
    if (!form.check() || !recallClass) return;
    action.mutate(
      { action: 'recall', body: { recallClass, reason: reason.trim(), ...(reference.trim() ? { reference: reference.trim() } : {}) } },
      {
        // The recall flow ends on the patients treated with the lot: who must be contacted.
        onSuccess: () => {
          onDone();
          if (canSeeExposure) void navigate(`/inventory/lots/${lot.id}/exposure`);
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {lot.product.name}, lot <strong>{lot.lotNumber}</strong>: {lot.onHand} unit{lot.onHand === 1 ? '' : 's'} on hand. Once
          recalled the lot can no longer be used or transferred, only wasted or returned. This cannot be undone.
        </Text>
        <RecallClassSelect value={form.values.recallClass} onChange={(c) => form.setValue('recallClass', c)} error={form.errors.recallClass} />
        <TextInput label="Reason" required autoComplete="off" {...form.textInput('reason')} />
        <TextInput label="Reference" description="The manufacturer's or FDA recall number, if any" autoComplete="off" {...form.textInput('reference')} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={action.isPending}>
            Record recall
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
