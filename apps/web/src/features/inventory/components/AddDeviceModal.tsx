import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { useSaveDevice } from '@web/features/inventory/hooks/useSaveDevice';
import { MONO_INPUT } from '@web/components/monoInput';

interface DeviceValues {
  model: string;
  serialNumber: string;
  locationId: string | null;
  notes: string;
}

const mapField = fieldsOf(['model', 'serialNumber', 'locationId', 'notes']);

function validate(v: DeviceValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.model.trim()) errors.model = 'Enter the model, e.g. SkinPen Precision';
  if (!v.serialNumber.trim()) errors.serialNumber = 'Enter the serial number from the handpiece';
  if (!v.locationId) errors.locationId = 'Choose where the device is kept';
  return errors;
}

export function AddDeviceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add device" size="md">
      {opened && <AddDeviceForm onDone={onClose} />}
    </Modal>
  );
}

/** A reusable handpiece, tracked by serial number (domain.md section 9). */
function AddDeviceForm({ onDone }: { onDone: () => void }) {
  const { location, choices } = useSelectedLocation();
  const [initial] = useState<DeviceValues>({ model: '', serialNumber: '', locationId: location?.id ?? null, notes: '' });
  const form = useForm<DeviceValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const save = useSaveDevice();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const v = form.values;
    if (!form.check() || !v.locationId) return;
    save.mutate(
      { kind: 'create', body: { model: v.model.trim(), serialNumber: v.serialNumber.trim(), locationId: v.locationId, notes: v.notes.trim() } },
      { onSuccess: onDone, onError: feedback.showError },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Model" required data-autofocus autoComplete="off" {...form.textInput('model')} />
        <TextInput label="Serial number" required autoComplete="off" styles={MONO_INPUT} {...form.textInput('serialNumber')} />
        <Select
          label="Location"
          required
          allowDeselect={false}
          data={choices.map((c) => ({ value: c.id, label: c.name }))}
          value={form.values.locationId}
          onChange={(id) => form.setValue('locationId', id)}
          error={form.errors.locationId}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.textInput('notes')} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Add device
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
