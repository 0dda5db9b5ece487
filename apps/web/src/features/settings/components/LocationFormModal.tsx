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
  /** Degrees as typed (empty: none); the booking page sorts locations by distance with them. */
  latitude: string;
  longitude: string;
  isActive: boolean;
}

/** A coordinate as typed: null when empty, NaN when it is not a number in range. */
export function readDegrees(typed: string, limit: 90 | 180): number | null {
  const text = typed.trim().replace(',', '.');
  if (!text) return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : Number.NaN;
}

function validate(v: LocationValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = 'Enter a name for the location';
  if (!isIanaTimeZone(v.timezone)) errors.timezone = 'Choose the time zone of this location';
  if (!v.countryCode) errors.countryCode = 'Choose the country: phone numbers typed without a country code are read in it';
  const phone = phoneProblem(v.phone, v.countryCode);
  if (phone) errors.phone = phone;
  const latitude = readDegrees(v.latitude, 90);
  const longitude = readDegrees(v.longitude, 180);
  if (Number.isNaN(latitude)) errors.latitude = 'Enter degrees north between -90 and 90, like 40.7033';
  if (Number.isNaN(longitude)) errors.longitude = 'Enter degrees east between -180 and 180, like -74.0132';
  if (latitude === null && longitude !== null) errors.latitude = 'Give both latitude and longitude, or neither';
  if (longitude === null && latitude !== null) errors.longitude = 'Give both latitude and longitude, or neither';
  return errors;
}

const mapField = fieldsOf(['name', 'timezone', 'countryCode', 'address', 'phone', 'latitude', 'longitude', 'isActive']);

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
    latitude: existing?.latitude == null ? '' : String(existing.latitude),
    longitude: existing?.longitude == null ? '' : String(existing.longitude),
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
    const body = {
      name: v.name.trim(),
      timezone: v.timezone,
      countryCode: v.countryCode,
      address: v.address.trim(),
      phone: toE164(v.phone, v.countryCode) ?? v.phone.trim(),
      latitude: readDegrees(v.latitude, 90),
      longitude: readDegrees(v.longitude, 180),
    };
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
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Latitude (optional)"
            inputMode="decimal"
            autoComplete="off"
            description="Degrees north, e.g. 40.7033: the online booking page sorts locations by distance from the patient."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.textInput('latitude')}
          />
          <TextInput
            label="Longitude (optional)"
            inputMode="decimal"
            autoComplete="off"
            description="Degrees east, e.g. -74.0132 (west is negative)."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.textInput('longitude')}
          />
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
