import { Alert, Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { Schemas } from '@skinledger/api-client';
import { useState } from 'react';
import { useCreatePatientForBooking } from '@web/features/scheduling/hooks/useCreatePatientForBooking';
import { ApiError, isApiError } from '@web/lib/api/ApiError';
import type { PickedPatient } from './PatientPicker';

type Candidate = Schemas['DuplicateCandidateDto'];

const MATCHED_ON: Record<string, string> = {
  name_and_date_of_birth: 'same name and date of birth',
  email: 'same email',
  phone: 'same phone number',
  externalId: 'same previous system ID',
};

function candidatesOf(error: unknown): Candidate[] {
  if (!isApiError(error, 409)) return [];
  const raw = (error.problem as { candidates?: unknown } | undefined)?.candidates;
  return Array.isArray(raw) ? (raw as Candidate[]) : [];
}

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fieldProblems.map((e) => [e.field, e.message]));
}

const born = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/**
 * A new patient from inside the booking dialog: the fields a record needs (name and date of birth) and the ways to
 * reach them. A likely duplicate is named as the patients API words it, with "Book for this patient" instead, or
 * "Create anyway" for a different person; the rest of the record is completed later on the profile.
 */
export function NewPatientInline({ initialName, onCreated, onCancel }: { initialName: string; onCreated: (patient: PickedPatient) => void; onCancel: () => void }) {
  const [first, ...rest] = initialName.trim().split(/\s+/);
  const [firstName, setFirstName] = useState(first ?? '');
  const [lastName, setLastName] = useState(rest.join(' '));
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [sex, setSex] = useState<Schemas['CreatePatientDto']['sex']>('unknown');
  const create = useCreatePatientForBooking();
  const candidates = candidatesOf(create.error);
  const errors = fieldErrors(create.error);
  const missing = !firstName.trim() || !lastName.trim() || !dateOfBirth;

  const submit = (confirmDuplicate = false) =>
    create.mutate(
      {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        dateOfBirth,
        sex,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
      },
      { onSuccess: (p) => onCreated({ id: p.id, label: `${p.firstName} ${p.lastName} · ${p.mrn}` }) },
    );

  return (
    <Paper withBorder p="sm" component="section" aria-label="New patient">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          New patient
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput label="First name" required value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} error={errors.firstName} data-autofocus />
          <TextInput label="Last name" required value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} error={errors.lastName} />
          <TextInput label="Date of birth" type="date" required value={dateOfBirth} onChange={(e) => setDateOfBirth(e.currentTarget.value)} error={errors.dateOfBirth} />
          <Select
            label="Sex"
            data={[
              { value: 'female', label: 'Female' },
              { value: 'male', label: 'Male' },
              { value: 'other', label: 'Other' },
              { value: 'unknown', label: 'Not recorded' },
            ]}
            value={sex}
            onChange={(v) => setSex((v ?? 'unknown') as typeof sex)}
            allowDeselect={false}
          />
          <TextInput label="Mobile phone" type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} />
          <TextInput label="Email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
        </SimpleGrid>
        {candidates.length > 0 && (
          <Alert color="orange" variant="light" role="alert" styles={{ title: { color: 'var(--mantine-color-dark-7)' } }} title={candidates.length === 1 ? 'This patient may already be registered' : 'These patients may be the same person'} p="sm">
            <List size="sm" spacing={6} aria-label="Possible duplicates">
              {candidates.map((c) => (
                <List.Item key={c.id}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {c.name}
                    </Text>
                    <Text size="sm">
                      {c.mrn} · born {born(c.dateOfBirth)} · {c.matchedOn.map((m) => MATCHED_ON[m] ?? m.replaceAll('_', ' ')).join(', ')}
                      {c.archived ? ' · archived' : ''}
                    </Text>
                    {!c.archived && (
                      <Button size="compact-sm" onClick={() => onCreated({ id: c.id, label: `${c.name} · ${c.mrn}` })}>
                        Book for {c.name}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={() => submit(true)} loading={create.isPending}>
                Create anyway
              </Button>
            </Group>
          </Alert>
        )}
        {create.isError && candidates.length === 0 && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert" title="The patient was not created">
            {create.error instanceof ApiError ? (create.error.problem?.detail ?? create.error.message) : 'Something went wrong'}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onCancel}>
            Back to search
          </Button>
          <Button size="xs" onClick={() => submit()} disabled={missing} loading={create.isPending && candidates.length === 0}>
            Create patient
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
