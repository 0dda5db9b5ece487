import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DEVICE_SERVICE_KINDS, type DeviceServiceKind, isoDateInTimeZone } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { useSaveDevice } from '@web/features/inventory/hooks/useSaveDevice';
import { SERVICE_KIND_LABELS } from '@web/features/inventory/inventoryVocabulary';

interface EventValues {
  occurredOn: string;
  kind: DeviceServiceKind;
  description: string;
  performedBy: string;
}

const OPTIONS = DEVICE_SERVICE_KINDS.map((k) => ({ value: k, label: SERVICE_KIND_LABELS[k] }));
const isKind = (v: string | null): v is DeviceServiceKind => DEVICE_SERVICE_KINDS.some((k) => k === v);
const mapField = fieldsOf(['occurredOn', 'kind', 'description', 'performedBy']);

function validate(v: EventValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.occurredOn) errors.occurredOn = 'Enter the date';
  if (!v.description.trim()) errors.description = 'Describe what was done';
  return errors;
}

/** Adds one entry to a device's service log. */
export function ServiceEventForm({ deviceId }: { deviceId: string }) {
  const { timeZone } = useSelectedLocation();
  const [initial] = useState<EventValues>(() => ({ occurredOn: isoDateInTimeZone(new Date(), timeZone), kind: 'maintenance', description: '', performedBy: '' }));
  const form = useForm<EventValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const save = useSaveDevice();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        kind: 'service',
        id: deviceId,
        body: { occurredOn: v.occurredOn, kind: v.kind, description: v.description.trim(), ...(v.performedBy.trim() ? { performedBy: v.performedBy.trim() } : {}) },
      },
      { onSuccess: () => form.reset(initial), onError: feedback.showError },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Date" type="date" required {...form.textInput('occurredOn')} />
          <Select label="Kind" required allowDeselect={false} data={OPTIONS} value={form.values.kind} onChange={(v) => isKind(v) && form.setValue('kind', v)} />
        </SimpleGrid>
        <TextInput label="What was done" required autoComplete="off" {...form.textInput('description')} />
        <TextInput label="Performed by" placeholder="e.g. manufacturer service centre" autoComplete="off" {...form.textInput('performedBy')} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Add to log
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
