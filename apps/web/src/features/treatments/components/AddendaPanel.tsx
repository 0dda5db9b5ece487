import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { formatInstant } from '@web/lib/time/formatInstant';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSessionAction } from '@web/features/treatments/hooks/useSessionActions';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';
import { RecordSection } from './RecordSection';

interface AddendaPanelProps {
  session: TreatmentSession;
  timeZone: string;
  canWrite: boolean;
}

/** Corrections to a signed record: dated addenda in the order they were written (who and when); never edits. */
export function AddendaPanel({ session, timeZone, canWrite }: AddendaPanelProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const add = useSessionAction(session.id);
  const submit = () => {
    setProblem(null);
    add.mutate({ action: 'addendum', body: { text } }, { onSuccess: () => setText(''), onError: (e) => setProblem(describeProblem(e).summary) });
  };
  return (
    <RecordSection title="Addenda">
      <Stack gap="sm">
        {session.addenda.length === 0 && (
          <Text size="sm" c="dimmed">
            No addenda.
          </Text>
        )}
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Addenda">
          {session.addenda.map((a, index) => (
            <li key={a.id}>
              <Text size="xs" c="dimmed">{`#${index + 1} · ${a.authorName} · ${formatInstant(a.createdAt, timeZone)}`}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.text}
              </Text>
            </li>
          ))}
        </Stack>
        {canWrite && (
          <Stack gap="xs">
            <Textarea label="New addendum" placeholder="e.g. Correction: forehead depth was 0.5 mm, not 0.75 mm." autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <FormAlert summary={problem} />
            <Group justify="flex-end">
              <Button onClick={submit} loading={add.isPending} disabled={!text.trim()}>
                Add addendum
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </RecordSection>
  );
}
