import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { countryForTimeZone, isIanaTimeZone } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { TimeZoneSelect } from '@web/components/TimeZoneSelect';
import { useForm } from '@web/lib/form/useForm';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { browserTimeZone } from '@web/lib/time/timeZoneOptions';
import { countryOptions, formatPhone, phoneProblem, toE164 } from '@web/lib/phone/phoneNumbers';
import { useCreateLocation } from '@web/features/settings/hooks/useCreateLocation';
import type { Location } from '@web/entities/location';
import { useUpdateLocation } from '@web/features/settings/hooks/useUpdateLocation';

interface LocationValues {
  name: string;
  timezone: string;
  countryCode: string;
  address: string;
  phone: string;
  isActive: boolean;
}

function validate(v: LocationValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = 'Enter a name for the location';
  if (!isIanaTimeZone(v.timezone)) errors.timezone = 'Choose the time zone of this location';
  if (!v.countryCode) errors.countryCode = 'Choose the country: phone numbers typed without a country code are read in it';
  const phone = phoneProblem(v.phone, v.countryCode);
  if (phone) errors.phone = phone;
  return errors;
}

const mapField = fieldsOf(['name', 'timezone', 'countryCode', 'address', 'phone', 'isActive']);

/** What the modal edits: a new location, or an existing one. */
export type LocationTarget = { kind: 'new' } | { kind: 'existing'; location: Location };

interface LocationFormModalProps {
  target: LocationTarget | null;
  onClose: () => void;
}

export function LocationFormModal({ target, onClose }: LocationFormModalProps) {
  const shown = useLastDefined(target);
  const title = shown?.kind === 'existing' ? `Edit ${shown.location.name}` : 'Add location';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {shown && <LocationForm key={shown.kind === 'existing' ? shown.location.id : 'new'} target={shown} onDone={onClose} />}
    </Modal>
  );
}

function LocationForm({ target, onDone }: { target: LocationTarget; onDone: () => void }) {
  const existing = target.kind === 'existing' ? target.location : undefined;
  const [initialValues] = useState<LocationValues>(() => ({
    name: existing?.name ?? '',
    timezone: existing?.timezone ?? browserTimeZone(),
    countryCode: existing?.countryCode ?? countryForTimeZone(browserTimeZone()) ?? '',
    address: existing?.address ?? '',
    phone: existing?.phone ? formatPhone(existing.phone, existing.countryCode) : '',
    isActive: existing?.isActive ?? true,
  }));
  const form = useForm<LocationValues>(initialValues, validate);
  const feedback = useProblemFeedback(form, mapField);
  const create = useCreateLocation();
  const update = useUpdateLocation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const v = form.values;
    // Sent in E.164, as the API stores it (it reads the number in the same country and refuses what cannot be one).
    const body = { name: v.name.trim(), timezone: v.timezone, countryCode: v.countryCode, address: v.address.trim(), phone: toE164(v.phone, v.countryCode) ?? v.phone.trim() };
    const done = (name: string, verb: string) => {
      notifications.show({ color: 'green', title: `Location ${verb}`, message: `${name} was ${verb}.` });
      onDone();
    };
    if (existing) {
      update.mutate(
        { id: existing.id, changes: { ...body, isActive: v.isActive } },
        { onSuccess: (saved) => done(saved.name, 'saved'), onError: feedback.showError },
      );
    } else {
      create.mutate(body, { onSuccess: (saved) => done(saved.name, 'added'), onError: feedback.showError });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label="Location name" required data-autofocus {...form.textInput('name')} />
          <TimeZoneSelect
            label="Time zone"
            required
            value={form.values.timezone}
            onChange={(value) => {
              if (!value) return;
              form.setValue('timezone', value);
              // The country follows the zone until chosen otherwise (America/New_York → United States).
              const country = countryForTimeZone(value);
              if (country && (!form.values.countryCode || form.values.countryCode === countryForTimeZone(form.values.timezone))) form.setValue('countryCode', country);
            }}
            error={form.errors.timezone}
            description="Appointments and audit times at this location use it."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} maxRows={4} {...form.textInput('address')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label="Country"
            required
            searchable
            data={countryOptions()}
            value={form.values.countryCode || null}
            onChange={(value) => form.setValue('countryCode', value ?? '')}
            error={form.errors.countryCode}
            description="Phone numbers typed without a country code are read in it."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <TextInput label="Phone" type="tel" autoComplete="off" {...form.textInput('phone')} />
        </SimpleGrid>
        {existing && (
          <Switch
            label="Active"
            description="Inactive locations are hidden from the location switcher. Their history is kept."
            checked={form.values.isActive}
            onChange={(e) => form.setValue('isActive', e.currentTarget.checked)}
          />
        )}
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {existing ? 'Save location' : 'Add location'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
