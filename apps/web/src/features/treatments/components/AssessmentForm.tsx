import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { findOutcomeScale, OUTCOME_SCALES, scoreProblem } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { useRecordAssessment } from '@web/features/treatments/hooks/useAssessments';
import type { TreatmentSessionSummary } from '@web/features/treatments/treatmentTypes';

interface AssessmentFormProps {
  patientId: string;
  today: string;
  sessions: TreatmentSessionSummary[];
  scale: string;
  onScaleChange: (scale: string) => void;
}

/** Records an outcome assessment on one of the scales of domain.md section 8, optionally tied to a session. */
export function AssessmentForm({ patientId, today, sessions, scale, onScaleChange }: AssessmentFormProps) {
  const [score, setScore] = useState<number | string>('');
  const [assessedOn, setAssessedOn] = useState(today);
  const [method, setMethod] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const record = useRecordAssessment(patientId);
  const info = findOutcomeScale(scale);
  const local = typeof score === 'number' ? scoreProblem(scale, score, method) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof score !== 'number' || !info) return;
    setProblem(null);
    record.mutate(
      { scale: info.code, score, assessedOn, method: method.trim() || null, ...(sessionId ? { sessionId } : {}) },
      { onSuccess: () => setScore(''), onError: (e) => setProblem(describeProblem(e).summary) },
    );
  };
  return (
    <Paper p="sm" bg="slate.0" component="form" onSubmit={submit} aria-label="Record an assessment">
      <Stack gap="xs">
        <Title order={3}>Record an assessment</Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs">
          <Select label="Scale" data={OUTCOME_SCALES.map((s) => ({ value: s.code, label: s.label }))} value={scale} onChange={(v) => v && onScaleChange(v)} allowDeselect={false} />
          <NumberInput
            label={info ? `Score (${info.min}–${info.max})` : 'Score'}
            value={score}
            onChange={setScore}
            min={info?.min}
            max={info?.max}
            allowDecimal={!info?.integer}
            decimalScale={2}
            error={local && local.code !== 'method-required' ? local.message : undefined}
          />
          <TextInput label="Assessed on" type="date" value={assessedOn} max={today} onChange={(e) => setAssessedOn(e.currentTarget.value)} />
          {info?.requiresMethod && (
            <TextInput label="Method or device" placeholder="e.g. VISIA Gen 7" value={method} onChange={(e) => setMethod(e.currentTarget.value)} required />
          )}
          <Select
            label="Session"
            placeholder="Not tied to a session"
            clearable
            data={sessions.map((s) => ({ value: s.id, label: `${formatCalendarDate(s.performedOn)} · ${s.maxDepthMm} mm` }))}
            value={sessionId}
            onChange={setSessionId}
          />
        </SimpleGrid>
        {info?.note && (
          <Text size="xs" c="dimmed">
            {`${info.label}: ${info.note} · ${info.lowerIsBetter ? 'lower is better' : 'higher is better'}`}
          </Text>
        )}
        <FormAlert summary={problem} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} disabled={typeof score !== 'number' || (local !== null && local.code !== 'method-required') || (!!info?.requiresMethod && !method.trim())}>
            Record assessment
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
