import { SimpleGrid, TextInput } from '@mantine/core';
import type { PatientForm } from '@web/features/patients/patientDraft';

/** Phone, email and postal address. */
export function PatientContactFields({ form }: { form: PatientForm }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput label="Phone" type="tel" placeholder="(212) 555-0100" autoComplete="off" {...form.textInput('phone')} />
      <TextInput label="Email" type="email" autoComplete="off" {...form.textInput('email')} />
      <TextInput label="Address line 1" autoComplete="off" {...form.textInput('addressLine1')} />
      <TextInput label="Address line 2" autoComplete="off" {...form.textInput('addressLine2')} />
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="City" autoComplete="off" {...form.textInput('city')} />
        <TextInput label="State or region" autoComplete="off" {...form.textInput('region')} />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="Postal code" autoComplete="off" {...form.textInput('postalCode')} />
        <TextInput label="Country" autoComplete="off" {...form.textInput('country')} />
      </SimpleGrid>
    </SimpleGrid>
  );
}
