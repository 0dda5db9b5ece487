import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isPractitionerRole, type StaffRole } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PasswordStrength } from '@web/components/PasswordStrength';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import {
  emptyDraft,
  isBlankDraft,
  isCredentialField,
  toCredentialInput,
  validateDrafts,
  type CredentialDraft,
} from '@web/features/staff/credentialDrafts';
import { useCreateStaffMember } from '@web/features/staff/hooks/useCreateStaffMember';
import { CredentialsEditor } from './CredentialsEditor';
import { DefaultLocationSelect } from './DefaultLocationSelect';
import { RoleSelect } from './RoleSelect';
import { MIN_PASSWORD_LENGTH, TemporaryPasswordInput } from './TemporaryPasswordInput';

interface NewStaffValues {
  name: string;
  email: string;
  role: StaffRole | null;
  password: string;
  defaultLocationId: string | null;
  credentials: CredentialDraft[];
}

function validate(values: NewStaffValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = 'Enter their full name';
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = 'Enter a valid email address';
  if (!values.role) errors.role = 'Choose a role';
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (values.role && isPractitionerRole(values.role)) Object.assign(errors, validateDrafts(values.credentials));
  return errors;
}

const mapSimpleField = fieldsOf(['name', 'email', 'role', 'password', 'defaultLocationId']);
const mapField = (apiField: string) => mapSimpleField(apiField) ?? (isCredentialField(apiField) ? apiField : undefined);

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
  const form = useForm<NewStaffValues>(initialValues);
  const feedback = useProblemFeedback(form, mapField);
  const create = useCreateStaffMember();
  const practitioner = form.values.role !== null && isPractitionerRole(form.values.role);

  const changeRole = (role: StaffRole) => {
    form.setValue('role', role);
    if (isPractitionerRole(role) && form.values.credentials.length === 0) form.setValue('credentials', [emptyDraft(role)]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const credentials = form.values.credentials.filter((d) => !isBlankDraft(d));
    const values = { ...form.values, credentials };
    form.setValue('credentials', credentials);
    const errors = validate(values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0 || !values.role) return;
    const name = values.name.trim();
    create.mutate(
      {
        name,
        email: values.email.trim(),
        role: values.role,
        password: values.password,
        defaultLocationId: values.defaultLocationId,
        ...(practitioner ? { credentials: credentials.map(toCredentialInput) } : {}),
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
        {practitioner && (
          <CredentialsEditor
            role={form.values.role}
            drafts={form.values.credentials}
            errors={form.errors}
            onChange={(drafts) => form.setValue('credentials', drafts)}
            onEdited={form.clearError}
          />
        )}
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
