import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { CLINIC_LOCALE_LABELS, CLINIC_LOCALES, type ClinicLocale } from '@skinledger/domain';
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
  return (
    <Stack gap="lg">
      <OrganizationNameForm organization={organization} />
      <ClinicLocaleForm organization={organization} />
    </Stack>
  );
}

const LOCALE_OPTIONS = CLINIC_LOCALES.map((value) => ({ value, label: CLINIC_LOCALE_LABELS[value] }));

/** The clinic's English: how every date, time and word is written for everyone at the clinic (and in the API's messages). */
function ClinicLocaleForm({ organization }: { organization: Schemas['OrganizationDto'] }) {
  const [locale, setLocale] = useState<ClinicLocale>(organization.locale);
  const update = useUpdateOrganization();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: organization.name, locale },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'green', title: 'Formats saved', message: `Dates, times and spelling now follow ${CLINIC_LOCALE_LABELS[saved.locale].split(':')[0]}.` }),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="nowrap" maw={520}>
        <Select
          label="Dates, times and spelling"
          description="For everyone at the clinic, and in messages and the audit log."
          data={LOCALE_OPTIONS}
          value={locale}
          onChange={(value) => value && setLocale(value as ClinicLocale)}
          allowDeselect={false}
          style={{ flex: 1 }}
        />
        <Button type="submit" loading={update.isPending} disabled={locale === organization.locale}>
          Save formats
        </Button>
      </Group>
      {update.isError && (
        <Text size="sm" c="red.8" role="alert" mt="xs">
          The formats could not be saved. Try again.
        </Text>
      )}
    </form>
  );
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
