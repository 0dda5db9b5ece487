import { Alert, Button, Divider, Drawer, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { canResetPassword, isPractitionerRole, type StaffRole } from '@skinledger/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PasswordStrength } from '@web/components/PasswordStrength';
import { useSignedInUser } from '@web/entities/current-user';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import { draftFromCredential, sameCredentials, toCredentialInput } from '@web/features/staff/credentialDrafts';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';
import { useStaffMemberForm, validateStaffMember, type StaffMemberValues } from '@web/features/staff/hooks/useStaffMemberForm';
import { useUpdateStaffMember } from '@web/features/staff/hooks/useUpdateStaffMember';
import { CredentialsEditor } from './CredentialsEditor';
import { DefaultLocationSelect } from './DefaultLocationSelect';
import { RoleSelect } from './RoleSelect';
import { StaffMfaSection } from './StaffMfaSection';
import { TemporaryPasswordInput } from './TemporaryPasswordInput';

interface EditValues extends StaffMemberValues {
  role: StaffRole;
}

/** A new password is optional here: blank keeps the current one. */
const validate = (values: EditValues) => validateStaffMember(values, { passwordRequired: false });

const FIELDS = ['name', 'role', 'password', 'defaultLocationId'];

/** Only what changed; credentials are sent as the whole new set (and emptied when the role has none). */
function changesFrom(member: StaffMember, values: EditValues): Schemas['UpdateStaffMemberDto'] {
  const changes: Schemas['UpdateStaffMemberDto'] = {};
  const name = values.name.trim();
  if (name !== member.name) changes.name = name;
  if (values.role !== member.role) changes.role = values.role;
  if (values.defaultLocationId !== member.defaultLocationId) changes.defaultLocationId = values.defaultLocationId;
  const credentials = isPractitionerRole(values.role) ? values.credentials.map(toCredentialInput) : [];
  if (!sameCredentials(credentials, member.credentials)) changes.credentials = credentials;
  if (values.password) changes.password = values.password;
  return changes;
}

interface EditStaffMemberDrawerProps {
  member: StaffMember | null;
  onClose: () => void;
}

export function EditStaffMemberDrawer({ member, onClose }: EditStaffMemberDrawerProps) {
  const shown = useLastDefined(member);
  return (
    <Drawer opened={member !== null} onClose={onClose} title={shown ? `Edit ${shown.name}` : 'Edit staff member'} size="md">
      {shown && <EditStaffMemberForm key={shown.id} member={shown} onDone={onClose} />}
    </Drawer>
  );
}

function EditStaffMemberForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const [initialValues] = useState<EditValues>(() => ({
    name: member.name,
    role: member.role,
    defaultLocationId: member.defaultLocationId,
    credentials: member.credentials.map(draftFromCredential),
    password: '',
  }));
  const { form, feedback, checkedValues, credentialsEditor } = useStaffMemberForm(initialValues, FIELDS, validate);
  const update = useUpdateStaffMember();
  const practitioner = isPractitionerRole(form.values.role);
  const roleChanged = form.values.role !== member.role;
  const losesCredentials = !practitioner && member.credentials.length > 0;
  const actor = useSignedInUser();
  // Same rule as the API: only over strictly lower roles, never one's own (that needs the current password).
  const mayResetPassword = member.id !== actor.id && canResetPassword(actor.role, member.role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = checkedValues();
    if (!values) return;
    const changes = changesFrom(member, values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { id: member.id, changes },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Changes saved', message: `${saved.name}'s account was updated.` });
          onDone();
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {member.email}
        </Text>
        <TextInput label="Full name" required {...form.textInput('name')} />
        <RoleSelect
          required
          value={form.values.role}
          onChange={(role) => form.setValue('role', role)}
          error={form.errors.role}
          description={roleChanged ? 'Saving a new role signs them out on every device.' : undefined}
        />
        <DefaultLocationSelect
          value={form.values.defaultLocationId}
          onChange={(id) => form.setValue('defaultLocationId', id)}
          error={form.errors.defaultLocationId}
        />
        {practitioner && <CredentialsEditor role={form.values.role} {...credentialsEditor} />}
        {losesCredentials && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="sm">
            This role holds no practitioner credentials. Saving removes their {member.credentials.length} credential
            {member.credentials.length === 1 ? '' : 's'}.
          </Alert>
        )}
        {mayResetPassword && (
          <>
            <Divider />
            <TemporaryPasswordInput
              label="Reset password"
              placeholder="Leave blank to keep the current one"
              hint="Saving a new password signs them out on every device."
              value={form.values.password}
              onChange={(password) => form.setValue('password', password)}
              error={form.errors.password}
            />
            <PasswordStrength password={form.values.password} owner={{ name: form.values.name, email: member.email }} />
          </>
        )}
        <Divider />
        <StaffMfaSection member={member} />
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
