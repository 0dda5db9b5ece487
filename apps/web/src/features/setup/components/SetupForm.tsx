import { Button, Divider, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { countryForTimeZone, isIanaTimeZone, PASSWORD_MIN_LENGTH } from '@skinledger/domain';
import type { FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PasswordStrength } from '@web/components/PasswordStrength';
import { TimeZoneSelect } from '@web/components/TimeZoneSelect';
import { isPlausibleEmail, passwordLengthProblem } from '@web/lib/form/rules';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { browserTimeZone } from '@web/lib/time/timeZoneOptions';
import { countryOptions, guessCountry } from '@web/lib/phone/phoneNumbers';
import { useCreateClinic } from '@web/features/setup/hooks/useCreateClinic';

interface SetupValues {
  organizationName: string;
  locationName: string;
  timezone: string;
  countryCode: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

function validate(v: SetupValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organizationName.trim()) errors.organizationName = 'Enter the name of your practice';
  if (!v.locationName.trim()) errors.locationName = 'Enter a name for your first location';
  if (!isIanaTimeZone(v.timezone)) errors.timezone = 'Choose the time zone of this location';
  if (!v.countryCode) errors.countryCode = 'Choose the country of this location';
  if (!v.adminName.trim()) errors.adminName = 'Enter your name';
  if (!isPlausibleEmail(v.adminEmail)) errors.adminEmail = 'Enter a valid email address';
  const passwordProblem = passwordLengthProblem(v.adminPassword);
  if (passwordProblem) errors.adminPassword = passwordProblem;
  return errors;
}

const mapField = fieldsOf(['organizationName', 'locationName', 'timezone', 'countryCode', 'adminName', 'adminEmail', 'adminPassword']);

/** First run: the practice, its first location and the owner's own account, in one step. */
export function SetupForm() {
  const form = useForm<SetupValues>(
    {
      organizationName: '',
      locationName: '',
      timezone: browserTimeZone(),
      countryCode: guessCountry(browserTimeZone(), countryForTimeZone),
      adminName: '',
      adminEmail: '',
      adminPassword: '',
    },
    validate,
  );
  const feedback = useProblemFeedback(form, mapField);
  const createClinic = useCreateClinic();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const body = { ...form.values, adminEmail: form.values.adminEmail.trim() };
    createClinic.mutate(body, { onError: feedback.showError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="xs" fw={600} tt="uppercase" c="dimmed" component="h2" m={0} style={{ letterSpacing: '0.04em' }}>
          Your practice
        </Text>
        <TextInput label="Organization name" placeholder="Harbour Skin Clinic" required autoFocus {...form.textInput('organizationName')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label="First location name" placeholder="Harbour Street" required {...form.textInput('locationName')} />
          <TimeZoneSelect
            label="Time zone"
            required
            value={form.values.timezone}
            onChange={(value) => {
              if (!value) return;
              form.setValue('timezone', value);
              const country = countryForTimeZone(value);
              if (country) form.setValue('countryCode', country);
            }}
            error={form.errors.timezone}
          />
        </SimpleGrid>
        <Select
          label="Country"
          required
          searchable
          data={countryOptions()}
          value={form.values.countryCode || null}
          onChange={(value) => form.setValue('countryCode', value ?? '')}
          error={form.errors.countryCode}
          description="Phone numbers without a country code are read in it; US clinics write US English (Dec 2, 10:30 AM), others UK English (2 Dec, 10:30). Both can be changed in Settings."
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />

        <Divider my={4} />
        <Text size="xs" fw={600} tt="uppercase" c="dimmed" component="h2" m={0} style={{ letterSpacing: '0.04em' }}>
          Your owner account
        </Text>
        <TextInput label="Your name" placeholder="Dr. Maya Okafor" autoComplete="name" required {...form.textInput('adminName')} />
        <TextInput label="Email" type="email" autoComplete="email" required {...form.textInput('adminEmail')} />
        <PasswordInput
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
          autoComplete="new-password"
          required
          {...form.textInput('adminPassword')}
        />
        <PasswordStrength password={form.values.adminPassword} owner={{ name: form.values.adminName, email: form.values.adminEmail }} />
        <FormAlert summary={feedback.summary} />
        <Button type="submit" loading={createClinic.isPending} fullWidth mt="xs">
          Create clinic
        </Button>
      </Stack>
    </form>
  );
}
