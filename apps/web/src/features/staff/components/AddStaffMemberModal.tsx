import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isPractitionerRole, type StaffRole } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PasswordStrength } from '@web/components/PasswordStrength';
import { useSelectedLocation } from '@web/entities/location';
import { isPlausibleEmail } from '@web/lib/form/rules';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { emptyDraft, toCredentialInput } from '@web/features/staff/credentialDrafts';
import { useCreateStaffMember } from '@web/features/staff/hooks/useCreateStaffMember';
import { useStaffMemberForm, validateStaffMember, type StaffMemberValues } from '@web/features/staff/hooks/useStaffMemberForm';
import { CredentialsEditor } from './CredentialsEditor';
import { DefaultLocationSelect } from './DefaultLocationSelect';
import { RoleSelect } from './RoleSelect';
import { TemporaryPasswordInput } from './TemporaryPasswordInput';

interface NewStaffValues extends StaffMemberValues {
  email: string;
}

function validate(values: NewStaffValues): FieldErrors {
  const errors = validateStaffMember(values, { passwordRequired: true });
  if (!isPlausibleEmail(values.email)) errors.email = 'Enter a valid email address';
  if (!values.role) errors.role = 'Choose a role';
  return errors;
}

const FIELDS = ['name', 'email', 'role', 'password', 'defaultLocationId'];

interface AddStaffMemberModalProps {
  opened: boolean;
  onClose: () => void;
}

/** The dialog; its form mounts fresh each time it opens. */
export function AddStaffMemberModal({ opened, onClose }: AddStaffMemberModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add staff member" size="lg">
      <AddStaffMemberForm onDone={onClose} />
    </Modal>
  );
}

function AddStaffMemberForm({ onDone }: { onDone: () => void }) {
  const { location } = useSelectedLocation();
  const [initialValues] = useState<NewStaffValues>(() => ({
    name: '',
    email: '',
    role: null,
    password: '',
    defaultLocationId: location?.id ?? null,
    credentials: [],
  }));
  const { form, feedback, checkedValues, credentialsEditor } = useStaffMemberForm(initialValues, FIELDS, validate);
  const create = useCreateStaffMember();
  const practitioner = form.values.role !== null && isPractitionerRole(form.values.role);

  const changeRole = (role: StaffRole) => {
    form.setValue('role', role);
    if (isPractitionerRole(role) && form.values.credentials.length === 0) form.setValue('credentials', [emptyDraft(role)]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = checkedValues();
    if (!values?.role) return;
    const name = values.name.trim();
    create.mutate(
      {
        name,
        email: values.email.trim(),
        role: values.role,
        password: values.password,
        defaultLocationId: values.defaultLocationId,
        ...(practitioner ? { credentials: values.credentials.map(toCredentialInput) } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: `${name} was added`,
            message: 'They can sign in now with the temporary password you set.',
          });
          onDone();
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
          <TextInput label="Full name" required data-autofocus autoComplete="off" {...form.textInput('name')} />
          <TextInput label="Email" type="email" required autoComplete="off" {...form.textInput('email')} />
          <RoleSelect required value={form.values.role} onChange={changeRole} error={form.errors.role} />
          <DefaultLocationSelect
            value={form.values.defaultLocationId}
            onChange={(id) => form.setValue('defaultLocationId', id)}
            error={form.errors.defaultLocationId}
          />
        </SimpleGrid>
        {practitioner && <CredentialsEditor role={form.values.role} {...credentialsEditor} />}
        <TemporaryPasswordInput
          label="Temporary password"
          required
          hint="Give it to them in person or by phone, never by email."
          value={form.values.password}
          onChange={(password) => form.setValue('password', password)}
          error={form.errors.password}
        />
        <PasswordStrength password={form.values.password} owner={{ name: form.values.name, email: form.values.email }} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create staff member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
