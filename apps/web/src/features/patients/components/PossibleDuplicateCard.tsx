import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeMatch } from '@web/features/patients/duplicateCandidates';
import type { PossibleDuplicate, PossibleDuplicateSide } from '@web/features/patients/hooks/usePossibleDuplicates';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import { ApiError } from '@web/lib/api/ApiError';

interface Blocker {
  record: string;
  count: number;
  message: string;
}

function blockersOf(error: unknown): Blocker[] {
  if (!(error instanceof ApiError) || !error.problem) return [];
  const raw = (error.problem as Record<string, unknown>).blockers;
  return Array.isArray(raw) ? (raw as Blocker[]) : [];
}

function Side({ heading, side, timeZone }: { heading: string; side: PossibleDuplicateSide; timeZone: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" tt="uppercase" fw={600} c="slate.6">
        {heading}
      </Text>
      <Group gap={6} wrap="wrap">
        <Anchor component={Link} to={`/patients/${side.id}`} fw={600}>
          {side.name}
        </Anchor>
        <Badge color="slate" variant="light" tt="none" ff="monospace">
          {side.mrn}
        </Badge>
        {side.archived && (
          <Badge color="slate" variant="outline" tt="none">
            Archived
          </Badge>
        )}
      </Group>
      <Text size="sm">Born {formatCalendarDate(side.dateOfBirth)}</Text>
      <Text size="sm" c={side.email ? undefined : 'dimmed'}>
        {side.email ?? 'No e-mail'}
      </Text>
      <Text size="sm" c={side.phone ? undefined : 'dimmed'}>
        {side.phone ?? 'No phone'}
      </Text>
      <Text size="xs" c="dimmed">
        {side.selfRegistered ? 'Registered online' : 'Registered by staff'} {formatInstant(side.createdAt, timeZone, 'date')}
      </Text>
    </Stack>
  );
}

interface PossibleDuplicateCardProps {
  pair: PossibleDuplicate;
  timeZone: string;
  canResolve: boolean;
  onDismiss: () => void;
  onMerge: () => void;
  busy: boolean;
  error: unknown;
}

/** One pair: the online record next to the existing one, what matched, and the two ways to settle it. */
export function PossibleDuplicateCard({ pair, timeZone, canResolve, onDismiss, onMerge, busy, error }: PossibleDuplicateCardProps) {
  const blockers = blockersOf(error);
  const headingId = `duplicate-${pair.id}`;
  return (
    <Paper p="md" withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} fz="md" id={headingId}>
          {pair.patient.name} may be {pair.existing.mrn}
        </Title>
        <Text size="sm" c="dimmed">
          Matched on {describeMatch(pair.matchedOn)} · found {formatInstant(pair.foundAt, timeZone, 'dateTime')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Side heading="Booked online" side={pair.patient} timeZone={timeZone} />
          <Side heading="Existing record" side={pair.existing} timeZone={timeZone} />
        </SimpleGrid>
        {error !== null && error !== undefined && (
          <Alert color="red" variant="light" role="alert" title={blockers.length > 0 ? 'Not merged' : 'Not saved'}>
            {blockers.length > 0 ? (
              <>
                <Text size="sm">The online record holds signed or permanent records, which never change:</Text>
                <List size="sm" mt={4}>
                  {blockers.map((b) => (
                    <List.Item key={b.record}>{b.message.replace(/^it has /, '')}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt={4}>
                  Keep both records, or mark them as different people.
                </Text>
              </>
            ) : (
              <Text size="sm">{error instanceof ApiError ? (error.problem?.detail ?? error.message) : 'Something went wrong'}</Text>
            )}
          </Alert>
        )}
        {canResolve && (
          <Group gap="sm">
            <Button size="xs" onClick={onMerge} loading={busy}>
              Merge into {pair.existing.mrn}
            </Button>
            <Button size="xs" variant="default" onClick={onDismiss} disabled={busy}>
              Not the same person
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
