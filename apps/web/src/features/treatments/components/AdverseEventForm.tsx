import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { ADVERSE_EVENT_OUTCOMES, ADVERSE_EVENT_TYPE_INFO, ADVERSE_EVENT_TYPES, isAdverseEventType, type AdverseEventOutcome } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useRecordAdverseEvent } from '@web/features/treatments/hooks/useAdverseEvents';

export const OUTCOME_LABELS: Record<AdverseEventOutcome, string> = {
  ongoing: 'Ongoing',
  resolving: 'Resolving',
  resolved: 'Resolved',
  resolved_with_sequelae: 'Resolved with sequelae',
  unknown: 'Unknown',
};

interface AdverseEventFormProps {
  sessionId: string;
  patientId: string;
  today: string;
  opened: boolean;
  onClose: () => void;
}

const SERIOUSNESS = { transient: 'Transient', persistent_or_serious: 'Persistent or serious', other: 'Other' } as const;

/** Records an adverse event after the session (domain.md section 7): type, onset, grade, duration, treatment, outcome. */
export function AdverseEventForm({ sessionId, patientId, today, opened, onClose }: AdverseEventFormProps) {
  const [type, setType] = useState<string | null>(null);
  const [onsetOn, setOnsetOn] = useState(today);
  const [grade, setGrade] = useState<number | string>('');
  const [durationDays, setDurationDays] = useState<number | string>('');
  const [description, setDescription] = useState('');
  const [treatment, setTreatment] = useState('');
  const [outcome, setOutcome] = useState<AdverseEventOutcome>('ongoing');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const record = useRecordAdverseEvent(sessionId, patientId);
  const groups = (['transient', 'persistent_or_serious', 'other'] as const).map((s) => ({
    group: SERIOUSNESS[s],
    items: ADVERSE_EVENT_TYPES.filter((t) => ADVERSE_EVENT_TYPE_INFO[t].seriousness === s).map((t) => ({ value: t, label: ADVERSE_EVENT_TYPE_INFO[t].label })),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type || !isAdverseEventType(type)) return;
    setProblem(null);
    record.mutate(
      {
        type,
        onsetOn,
        grade: typeof grade === 'number' ? grade : null,
        durationDays: typeof durationDays === 'number' ? durationDays : null,
        description,
        treatment,
        outcome,
      },
      { onSuccess: onClose, onError: (e) => setProblem(describeProblem(e).summary) },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Record an adverse event" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="xs">
            <Select label="Type" data={groups} value={type} onChange={setType} required searchable />
            <Select label="Outcome" data={ADVERSE_EVENT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} value={outcome} onChange={(v) => v && setOutcome(v as AdverseEventOutcome)} required />
            <TextInput label="Onset" type="date" value={onsetOn} max={today} onChange={(e) => setOnsetOn(e.currentTarget.value)} required />
            <NumberInput label="Grade (0–4)" min={0} max={4} allowDecimal={false} value={grade} onChange={setGrade} />
            <NumberInput label="Duration (days)" min={0} max={3650} allowDecimal={false} value={durationDays} onChange={setDurationDays} />
          </SimpleGrid>
          <Textarea label="What happened" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required />
          <Textarea label="Treatment given" autosize minRows={2} value={treatment} onChange={(e) => setTreatment(e.currentTarget.value)} />
          <FormAlert summary={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending} disabled={!type || !description.trim()}>
              Record adverse event
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
