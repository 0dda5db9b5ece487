import { Anchor, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePhoneFormat } from '@web/entities/location';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import type { ExposureReport } from '@web/features/exposure/hooks/useExposure';

const ProcedureBadge = ({ kind }: { kind: string }) => (
  <Badge variant="light" color={kind === 'medical' ? 'violet' : 'teal'} tt="none">
    {kind}
  </Badge>
);

const OUTCOME_COLORS: Record<string, string> = { ongoing: 'red', resolving: 'orange', resolved: 'green', resolved_with_sequelae: 'grape', unknown: 'gray' };

/**
 * One row per exposed session: who to call, when they were treated, by whom, and what happened since. Below 992 px
 * (tablets) procedure, practitioner and pen move under the date, so contact and adverse events stay on screen.
 */
export function ExposureTable({ sessions }: { sessions: ExposureReport['sessions'] }) {
  const formatPhone = usePhoneFormat();
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" miw={560} aria-label="Exposed sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Treated</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th visibleFrom="md">Procedure</Table.Th>
            <Table.Th visibleFrom="md">Practitioner</Table.Th>
            <Table.Th visibleFrom="md">Pen · lots</Table.Th>
            <Table.Th>Adverse events</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.sessionId}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCalendarDate(s.performedOn)}
                </Text>
                <Stack gap={2} hiddenFrom="md" mt={4}>
                  <ProcedureBadge kind={s.procedureKind} />
                  <Text size="xs" c="dimmed">
                    {s.practitionerName} · {s.locationName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.deviceSerialNumber} · {s.lotNumbers.join(', ')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${s.patientId}`} fw={600} size="sm">
                  {s.patientName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {s.mrn} · born {formatCalendarDate(s.dateOfBirth)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{s.phone ? formatPhone(s.phone) : '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {s.email ?? 'no email'}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <ProcedureBadge kind={s.procedureKind} />
              </Table.Td>
              <Table.Td visibleFrom="md">
                {s.practitionerName}
                <Text size="xs" c="dimmed">
                  {s.locationName}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                {s.deviceSerialNumber}
                <Text size="xs" c="dimmed">
                  {s.lotNumbers.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.adverseEvents.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None recorded
                  </Text>
                ) : (
                  <Group gap={4}>
                    {s.adverseEvents.map((a) => (
                      <Badge key={a.id} color={OUTCOME_COLORS[a.outcome] ?? 'gray'} variant="light" tt="none" title={a.description}>
                        {a.type.replaceAll('_', ' ')}
                        {a.grade === null ? '' : ` g${a.grade}`} · {a.outcome.replaceAll('_', ' ')}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
