import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useUpdateOrganization } from '@web/features/settings/hooks/useUpdateOrganization';

const mapField = fieldsOf(['name']);

function validate(values: { name: string }): FieldErrors {
  return values.name.trim() ? {} : { name: 'Enter the name of your practice' };
}

interface OrganizationFormProps {
  organization: Schemas['OrganizationDto'];
  canManage: boolean;
}

export function OrganizationForm({ organization, canManage }: OrganizationFormProps) {
  if (!canManage) return <OrganizationSummary name={organization.name} />;
  return <OrganizationNameForm organization={organization} />;
}

/** For roles that may not change it: the name as text, and who can. */
function OrganizationSummary({ name }: { name: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Organization name
      </Text>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        Only owners and administrators can change organization settings.
      </Text>
    </Stack>
  );
}

function OrganizationNameForm({ organization }: { organization: Schemas['OrganizationDto'] }) {
  const [initialValues] = useState(() => ({ name: organization.name }));
  const form = useForm(initialValues, validate);
  const feedback = useProblemFeedback(form, mapField);
  const update = useUpdateOrganization();
  const changed = form.values.name.trim() !== organization.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    update.mutate(
      { name: form.values.name.trim() },
      {
        onSuccess: (saved) => {
          form.reset({ name: saved.name });
          notifications.show({ color: 'green', title: 'Organization renamed', message: `Your practice is now called ${saved.name}.` });
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput label="Organization name" required style={{ flex: 1 }} {...form.textInput('name')} />
          <Button type="submit" loading={update.isPending} disabled={!changed} mb={form.errors.name ? 22 : 0}>
            Save name
          </Button>
        </Group>
        <FormAlert summary={feedback.summary} />
      </Stack>
    </form>
  );
}
