import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isoDateInTimeZone } from '@skinledger/domain';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import { useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { historyValuesFrom, mapHistoryField, toHistoryBody, validateHistory, type HistoryFormValues } from '@web/features/patients/historyDraft';
import { HISTORY_SECTIONS } from '@web/features/patients/historySections';
import { useRecordMedicalHistory } from '@web/features/patients/hooks/useRecordMedicalHistory';
import { useScreeningWindows } from '@web/features/patients/hooks/useScreeningWindows';
import type { MedicalHistoryVersion } from '@web/features/patients/patientTypes';
import { HistoryQuestion } from './HistoryQuestion';
import { HistorySectionCard } from './HistorySectionCard';
import { historyRecordedBy } from '@web/features/patients/historyRecordedBy';

const INVALID_SUMMARY = { title: 'Some answers need correcting (marked in red above).', messages: [] };

interface MedicalHistoryFormProps {
  patientId: string;
  /** The version to start from (reviewed and saved as a new one), or null for a blank questionnaire. */
  startFrom: MedicalHistoryVersion | null;
  onDone: () => void;
}

/** The questionnaire, generated from the domain's field list, that the patient can fill in on a tablet. */
export function MedicalHistoryForm({ patientId, startFrom, onDone }: MedicalHistoryFormProps) {
  const { timeZone } = useSelectedLocation();
  const today = isoDateInTimeZone(new Date(), timeZone);
  const windows = useScreeningWindows();
  const [initialValues] = useState<HistoryFormValues>(() => historyValuesFrom(startFrom?.answers ?? null));
  const form = useForm<HistoryFormValues>(initialValues);
  const feedback = useProblemFeedback(form, mapHistoryField);
  const record = useRecordMedicalHistory(patientId);
  const [invalid, setInvalid] = useState(false);
  const summary = feedback.summary ?? (invalid ? INVALID_SUMMARY : null);

  const update = (changes: Partial<HistoryFormValues>) => {
    for (const key of Object.keys(changes) as (keyof HistoryFormValues)[]) {
      const value = changes[key];
      if (value !== undefined) form.setValue(key, value);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const allergies = form.values.allergies.filter((a) => a.substance.trim());
    const values = { ...form.values, allergies };
    form.setValue('allergies', allergies);
    const errors = validateHistory(values, today);
    form.setErrors(errors);
    setInvalid(Object.keys(errors).length > 0);
    if (Object.keys(errors).length > 0) return;
    record.mutate(toHistoryBody(values), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'Medical history saved', message: `Recorded as version ${saved.version}. Earlier versions are kept.` });
        onDone();
      },
      onError: feedback.showError,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {startFrom ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="sm">
            Filled in from version {startFrom.version}, recorded {formatInstant(startFrom.recordedAt, timeZone, 'date')} by {historyRecordedBy(startFrom)}.
            Go through every answer with the patient; saving records a new version and keeps the old one.
          </Alert>
        ) : (
          <Text size="sm" c="slate.7">
            Please answer every question about the area to be treated. Ask a member of staff if anything is unclear. Saving records a new
            version of the history; earlier versions are kept.
          </Text>
        )}
        {HISTORY_SECTIONS.map((section) => (
          <HistorySectionCard
            key={section.section}
            section={section}
            renderQuestion={(info) => (
              <HistoryQuestion
                info={info}
                values={form.values}
                errors={form.errors}
                windows={windows}
                today={today}
                onChange={update}
                onEdited={form.clearError}
              />
            )}
          />
        ))}
        <Box pos="sticky" bottom={0} py="sm" bg="white" style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-slate-2)' }}>
          <Stack gap="sm">
            <FormAlert summary={summary} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" size="md" onClick={onDone}>
                Cancel
              </Button>
              <Button type="submit" size="md" loading={record.isPending}>
                Save medical history
              </Button>
            </Group>
          </Stack>
        </Box>
      </Stack>
    </form>
  );
}
