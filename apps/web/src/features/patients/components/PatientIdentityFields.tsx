import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { PATIENT_SEXES, type PatientSex } from '@skinledger/domain';
import type { PatientForm } from '@web/features/patients/patientDraft';
import { SEX_LABELS } from '@web/features/patients/patientVocabulary';

const SEX_OPTIONS = PATIENT_SEXES.map((sex) => ({ value: sex, label: SEX_LABELS[sex] }));
const isSex = (value: string | null): value is PatientSex => PATIENT_SEXES.some((s) => s === value);

/** Names, date of birth, administrative sex and the id in a previous system. */
export function PatientIdentityFields({ form, today }: { form: PatientForm; today: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="md" verticalSpacing="sm">
      <TextInput label="First name" required autoComplete="off" data-autofocus {...form.textInput('firstName')} />
      <TextInput label="Last name" required autoComplete="off" {...form.textInput('lastName')} />
      <TextInput label="Preferred name" placeholder="If different" autoComplete="off" {...form.textInput('preferredName')} />
      <TextInput label="Date of birth" type="date" required min="1900-01-01" max={today} {...form.textInput('dateOfBirth')} />
      <Select
        label="Sex"
        description="Administrative sex"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data={SEX_OPTIONS}
        value={form.values.sex}
        onChange={(value) => isSex(value) && form.setValue('sex', value)}
        allowDeselect={false}
        error={form.errors.sex}
      />
      <TextInput
        label="Previous system ID"
        description="Optional; used to recognise imports"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        autoComplete="off"
        {...form.textInput('externalId')}
      />
    </SimpleGrid>
  );
}
