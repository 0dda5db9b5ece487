import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DEVICE_STATUSES, type DeviceStatus } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSaveDevice } from '@web/features/inventory/hooks/useSaveDevice';
import { DEVICE_STATUS_LOOK } from '@web/features/inventory/inventoryVocabulary';
import type { Device } from '@web/features/inventory/inventoryTypes';

interface StatusValues {
  status: DeviceStatus;
  statusReason: string;
}

const OPTIONS = DEVICE_STATUSES.map((s) => ({ value: s, label: DEVICE_STATUS_LOOK[s].label }));
const isStatus = (v: string | null): v is DeviceStatus => DEVICE_STATUSES.some((s) => s === v);
const mapField = fieldsOf(['status', 'statusReason']);

function validate(v: StatusValues): FieldErrors {
  return v.status !== 'active' && !v.statusReason.trim() ? { statusReason: 'Say why (e.g. motor fault, sent for repair)' } : {};
}

export function DeviceStatusModal({ device, onClose }: { device: Device | null; onClose: () => void }) {
  return (
    <Modal opened={device !== null} onClose={onClose} title="Device status" size="md">
      {device && <DeviceStatusForm device={device} onDone={onClose} />}
    </Modal>
  );
}

/** Takes a handpiece out of service, back in, or retires it for good; out of service and retired need a reason. */
function DeviceStatusForm({ device, onDone }: { device: Device; onDone: () => void }) {
  const [initial] = useState<StatusValues>({ status: device.status, statusReason: device.statusReason ?? '' });
  const form = useForm<StatusValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const save = useSaveDevice();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const { status, statusReason } = form.values;
    save.mutate(
      { kind: 'update', id: device.id, body: { status, statusReason: status === 'active' ? null : statusReason.trim() } },
      { onSuccess: onDone, onError: feedback.showError },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {device.model}, serial {device.serialNumber}
        </Text>
        <Select
          label="Status"
          required
          allowDeselect={false}
          data={OPTIONS}
          value={form.values.status}
          onChange={(v) => isStatus(v) && form.setValue('status', v)}
          error={form.errors.status}
        />
        {form.values.status !== 'active' && <TextInput label="Reason" required autoComplete="off" {...form.textInput('statusReason')} />}
        {form.values.status === 'retired' && (
          <Text size="sm" c="orange.8">
            Retiring is final: the device cannot be put back into service.
          </Text>
        )}
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
