import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { describeMatch } from '@web/features/patients/duplicateCandidates';
import type { DuplicateCandidate } from '@web/features/patients/patientTypes';

interface DuplicateCandidatesAlertProps {
  candidates: DuplicateCandidate[];
  /** "Create anyway" or "Save anyway". */
  confirmLabel: string;
  confirming: boolean;
  onConfirm: () => void;
  onOpenCandidate: () => void;
}

/** The 409 answer: who this patient may already be, with links, and the choice to go ahead regardless. */
export function DuplicateCandidatesAlert({ candidates, confirmLabel, confirming, onConfirm, onOpenCandidate }: DuplicateCandidatesAlertProps) {
  const one = candidates.length === 1;
  return (
    <Alert role="alert" color="yellow" variant="light" icon={<IconUsers size={18} aria-hidden />} title={one ? 'This patient may already be registered' : 'These patients may be the same person'} p="sm">
      <Stack gap="sm">
        <List size="sm" spacing={6} aria-label="Possible duplicates">
          {candidates.map((c) => (
            <List.Item key={c.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/patients/${c.id}`} onClick={onOpenCandidate} fw={600} size="sm">
                  {c.name}
                </Anchor>
                <Text size="sm" c="dimmed" className="tabular">
                  {c.mrn} · born {formatCalendarDate(c.dateOfBirth)}
                </Text>
                {c.archived && (
                  <Badge size="xs" color="slate" variant="outline" tt="none">
                    Archived
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                Matched on {describeMatch(c.matchedOn)}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          Open the existing record instead{candidates.some((c) => c.archived) ? ' (an archived record can be restored)' : ''}, or go ahead if this is
          a different person.
        </Text>
        <Group>
          <Button color="yellow.9" variant="outline" onClick={onConfirm} loading={confirming}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
