import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { WASTE_REASONS, type ManualMovementType } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { useLotAction } from '@web/features/inventory/hooks/useLotAction';
import { WASTE_REASON_LABELS } from '@web/features/inventory/inventoryVocabulary';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';

const TITLES: Record<ManualMovementType, string> = {
  wasted: 'Waste units',
  adjusted: 'Adjust count',
  transferred: 'Transfer units',
  returned: 'Return to supplier',
};

const SUBMIT: Record<ManualMovementType, string> = {
  wasted: 'Record waste',
  adjusted: 'Record adjustment',
  transferred: 'Record transfer',
  returned: 'Record return',
};

const WASTE_OPTIONS = WASTE_REASONS.map((r) => ({ value: r, label: WASTE_REASON_LABELS[r] }));
const mapField = fieldsOf(['locationId', 'quantity', 'reason', 'note', 'toLocationId']);

interface MovementValues {
  locationId: string | null;
  quantity: string;
  reason: string;
  note: string;
  toLocationId: string | null;
}

function validator(type: ManualMovementType) {
  return (v: MovementValues): FieldErrors => {
    const errors: FieldErrors = {};
    if (!v.locationId) errors.locationId = 'Choose the location';
    const pattern = type === 'adjusted' ? /^[-+]?[1-9]\d*$/ : /^[1-9]\d*$/;
    if (!pattern.test(v.quantity.trim())) {
      errors.quantity = type === 'adjusted' ? 'Enter the correction, e.g. -2 or +1' : 'Enter a whole number of at least 1';
    }
    if ((type === 'wasted' || type === 'adjusted') && !v.reason.trim()) errors.reason = 'Give the reason';
    if (type === 'transferred' && !v.toLocationId) errors.toLocationId = 'Choose where the units go';
    if (type === 'transferred' && v.toLocationId && v.toLocationId === v.locationId) errors.toLocationId = 'Choose another location';
    return errors;
  };
}

interface MovementModalProps {
  lot: LotDetail;
  type: ManualMovementType | null;
  onClose: () => void;
}

export function MovementModal({ lot, type, onClose }: MovementModalProps) {
  return (
    <Modal opened={type !== null} onClose={onClose} title={type ? TITLES[type] : ''} size="md">
      {type && <MovementForm lot={lot} type={type} onDone={onClose} />}
    </Modal>
  );
}

/** One stock movement of the lot. The API refuses what is not allowed (409 not enough stock, 422 held or expired). */
function MovementForm({ lot, type, onDone }: { lot: LotDetail; type: ManualMovementType; onDone: () => void }) {
  const { location, choices } = useSelectedLocation();
  const stocked = lot.balances.filter((b) => b.onHand > 0);
  const fromDefault = stocked.find((b) => b.locationId === location?.id)?.locationId ?? stocked[0]?.locationId ?? location?.id ?? null;
  const [initial] = useState<MovementValues>({ locationId: fromDefault, quantity: '', reason: '', note: '', toLocationId: null });
  const form = useForm<MovementValues>(initial, validator(type));
  const feedback = useProblemFeedback(form, mapField);
  const action = useLotAction(lot.id);

  const fromOptions = (type === 'adjusted' ? lot.balances : stocked).map((b) => ({ value: b.locationId, label: `${b.locationName} (${b.onHand} on hand)` }));
  const toOptions = choices.filter((c) => c.id !== form.values.locationId).map((c) => ({ value: c.id, label: c.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const v = form.values;
    if (!form.check() || !v.locationId) return;
    const reason = v.reason.trim();
    const note = v.note.trim();
    action.mutate(
      {
        action: 'movement',
        body: {
          type,
          locationId: v.locationId,
          quantity: Number(v.quantity.trim()),
          ...(reason ? { reason } : {}),
          ...(note ? { note } : {}),
          ...(type === 'transferred' && v.toLocationId ? { toLocationId: v.toLocationId } : {}),
        },
      },
      { onSuccess: onDone, onError: feedback.showError },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {lot.product.name}, lot {lot.lotNumber}
        </Text>
        <Select
          label={type === 'transferred' ? 'From location' : 'Location'}
          required
          allowDeselect={false}
          data={fromOptions}
          value={form.values.locationId}
          onChange={(id) => form.setValue('locationId', id)}
          error={form.errors.locationId}
        />
        {type === 'transferred' && (
          <Select label="To location" required data={toOptions} value={form.values.toLocationId} onChange={(id) => form.setValue('toLocationId', id)} error={form.errors.toLocationId} />
        )}
        <TextInput
          label={type === 'adjusted' ? 'Correction' : 'Quantity'}
          description={type === 'adjusted' ? 'Negative removes units, positive adds them (e.g. -2 after a count)' : undefined}
          required
          inputMode={type === 'adjusted' ? 'text' : 'numeric'}
          data-autofocus
          autoComplete="off"
          {...form.textInput('quantity')}
        />
        {type === 'wasted' ? (
          <Select label="Reason" required data={WASTE_OPTIONS} value={form.values.reason || null} onChange={(r) => form.setValue('reason', r ?? '')} error={form.errors.reason} />
        ) : (
          <TextInput
            label="Reason"
            required={type === 'adjusted'}
            placeholder={type === 'returned' ? 'e.g. supplier return authorisation' : undefined}
            autoComplete="off"
            {...form.textInput('reason')}
          />
        )}
        <Textarea label="Note" autosize minRows={2} {...form.textInput('note')} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={action.isPending} color={type === 'wasted' ? 'red' : undefined}>
            {SUBMIT[type]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
