import { SimpleGrid, TextInput } from '@mantine/core';
import type { PatientForm } from '@web/features/patients/patientDraft';

/** Who to call in an emergency. Labels avoid the word "phone" so "Phone" stays the patient's own number. */
export function EmergencyContactFields({ form }: { form: PatientForm }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" verticalSpacing="sm">
      <TextInput label="Contact name" autoComplete="off" {...form.textInput('emergencyName')} />
      <TextInput label="Relationship" placeholder="e.g. Partner" autoComplete="off" {...form.textInput('emergencyRelationship')} />
      <TextInput label="Contact number" type="tel" autoComplete="off" {...form.textInput('emergencyPhone')} />
    </SimpleGrid>
  );
}
