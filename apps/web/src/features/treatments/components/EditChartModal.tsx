import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ERYTHEMA_GRADES } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSessionAction } from '@web/features/treatments/hooks/useSessionActions';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';

interface ChartValues {
  technique: string;
  clinicalEndpoint: string;
  erythemaGrade: string;
  postCareGiven: boolean;
  notes: string;
}

const valuesOf = (s: TreatmentSession): ChartValues => ({
  technique: s.technique ?? '',
  clinicalEndpoint: s.clinicalEndpoint ?? '',
  erythemaGrade: s.erythemaGrade === null ? '' : String(s.erythemaGrade),
  postCareGiven: s.postCareInstructions !== null,
  notes: s.notes,
});

/** Charting while the session is in progress (PATCH): technique, endpoint, immediate erythema, after-care, notes. */
export function EditChartModal({ session, opened, onClose }: { session: TreatmentSession; opened: boolean; onClose: () => void }) {
  const [values, setValues] = useState<ChartValues>(() => valuesOf(session));
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const save = useSessionAction(session.id);
  const set = (patch: Partial<ChartValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    save.mutate(
      {
        action: 'update',
        body: {
          technique: values.technique.trim() || null,
          clinicalEndpoint: values.clinicalEndpoint.trim() || null,
          erythemaGrade: values.erythemaGrade === '' ? null : Number(values.erythemaGrade),
          postCareGiven: values.postCareGiven,
          notes: values.notes,
        },
      },
      { onSuccess: onClose, onError: (error) => setProblem(describeProblem(error).summary) },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Chart the session" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="Technique" placeholder="e.g. Vertical, horizontal and diagonal passes" value={values.technique} onChange={(e) => set({ technique: e.currentTarget.value })} />
          <TextInput label="Clinical endpoint" placeholder="e.g. Uniform pinpoint bleeding" value={values.clinicalEndpoint} onChange={(e) => set({ clinicalEndpoint: e.currentTarget.value })} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="erythema-label">
              Immediate erythema grade
            </Text>
            <SegmentedControl
              aria-labelledby="erythema-label"
              data={[{ value: '', label: 'Not graded' }, ...ERYTHEMA_GRADES.map((g) => ({ value: String(g), label: String(g) }))]}
              value={values.erythemaGrade}
              onChange={(erythemaGrade) => set({ erythemaGrade })}
              size="md"
            />
          </Stack>
          <Checkbox size="md" label="After-care instructions given" checked={values.postCareGiven} onChange={(e) => set({ postCareGiven: e.currentTarget.checked })} />
          <Textarea label="Notes" autosize minRows={3} value={values.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
          <FormAlert summary={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save chart
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
