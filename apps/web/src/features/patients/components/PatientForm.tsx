import { Button, Divider, Group, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isoDateInTimeZone } from '@skinledger/domain';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import { useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { duplicateCandidatesOf } from '@web/features/patients/duplicateCandidates';
import { useCreatePatient } from '@web/features/patients/hooks/useCreatePatient';
import { useUpdatePatient } from '@web/features/patients/hooks/useUpdatePatient';
import { fullName } from '@web/entities/patient';
import { emptyPatientValues, mapPatientField, toPatientBody, validatePatient, valuesFromPatient, type PatientFormValues } from '@web/features/patients/patientDraft';
import type { DuplicateCandidate, Patient } from '@web/features/patients/patientTypes';
import { AllergiesEditor } from './AllergiesEditor';
import { DuplicateCandidatesAlert } from './DuplicateCandidatesAlert';
import { EmergencyContactFields } from './EmergencyContactFields';
import { FormSection } from './FormSection';
import { PatientContactFields } from './PatientContactFields';
import { PatientIdentityFields } from './PatientIdentityFields';
import { PhototypeSelect } from './PhototypeSelect';
import { spell } from '@web/lib/words/clinicWords';

interface PatientFormProps {
  /** null: register a new patient. */
  patient: Patient | null;
  onDone: () => void;
}

/** Every field of the patient record. A likely duplicate is shown with links and can be confirmed. */
export function PatientForm({ patient, onDone }: PatientFormProps) {
  const navigate = useNavigate();
  const { timeZone, location } = useSelectedLocation();
  const today = isoDateInTimeZone(new Date(), timeZone);
  const [initialValues] = useState<PatientFormValues>(() => (patient ? valuesFromPatient(patient) : emptyPatientValues()));
  const form = useForm<PatientFormValues>(initialValues);
  const feedback = useProblemFeedback(form, mapPatientField);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const create = useCreatePatient();
  const update = useUpdatePatient();
  const saving = create.isPending || update.isPending;

  const saved = (result: Patient) => {
    onDone();
    // A new patient's profile is confirmation enough (a toast there would sit over the next dialog's buttons).
    if (!patient) navigate(`/patients/${result.id}`);
    else notifications.show({ color: 'green', title: 'Changes saved', message: `${fullName(result)}'s record was updated.` });
  };

  const failed = (error: unknown) => {
    const duplicates = duplicateCandidatesOf(error);
    if (duplicates) {
      setCandidates(duplicates);
      form.setErrors({});
      feedback.clear();
      return;
    }
    feedback.showError(error);
  };

  const send = (confirmDuplicate: boolean) => {
    feedback.clear();
    const allergies = form.values.allergies.filter((a) => a.substance.trim());
    const values = { ...form.values, allergies };
    form.setValue('allergies', allergies);
    const errors = validatePatient(values, today, location?.countryCode);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body: Schemas['CreatePatientDto'] = { ...toPatientBody(values), ...(confirmDuplicate ? { confirmDuplicate: true } : {}) };
    if (patient) {
      update.mutate({ id: patient.id, changes: body }, { onSuccess: saved, onError: failed });
    } else {
      create.mutate(body, { onSuccess: saved, onError: failed });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCandidates(null);
    send(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormSection title="Identity">
          <PatientIdentityFields form={form} today={today} />
        </FormSection>
        <FormSection title="Contact">
          <PatientContactFields form={form} />
        </FormSection>
        <FormSection title="Emergency contact">
          <EmergencyContactFields form={form} />
        </FormSection>
        <FormSection title="Skin and allergies" description="Both feed the eligibility screening: phototypes V–VI and allergies raise warnings, a nickel allergy blocks needling.">
          <PhototypeSelect
            value={form.values.fitzpatrickType}
            onChange={(value) => form.setValue('fitzpatrickType', value)}
            error={form.errors.fitzpatrickType}
            maw={420}
          />
          <AllergiesEditor
            label="Allergies"
            description={spell("Record anaesthetic allergies by class: lidocaine is an amide; benzocaine and tetracaine are esters.")}
            drafts={form.values.allergies}
            errors={form.errors}
            onChange={(drafts) => form.setValue('allergies', drafts)}
            onEdited={form.clearError}
          />
        </FormSection>
        <FormSection title="Notes and tags">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Textarea label="Notes" autosize minRows={3} maxRows={8} {...form.textInput('notes')} />
            <TagsInput
              label="Tags"
              description="Press Enter or comma after each tag"
              placeholder="e.g. acne-scar course"
              splitChars={[',']}
              value={form.values.tags}
              onChange={(tags) => form.setValue('tags', tags)}
              error={form.errors.tags}
              clearable
            />
          </SimpleGrid>
        </FormSection>
        <Divider />
        {candidates && candidates.length > 0 && (
          <DuplicateCandidatesAlert
            candidates={candidates}
            confirmLabel={patient ? 'Save anyway' : 'Create anyway'}
            confirming={saving}
            onConfirm={() => send(true)}
            onOpenCandidate={onDone}
          />
        )}
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
