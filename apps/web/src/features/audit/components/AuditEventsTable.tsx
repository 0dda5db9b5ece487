import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useClinicFormat } from '@web/entities/current-user';
import type { AuditEvent } from '@web/features/audit/hooks/useAuditEvents';
import { AuditChanges } from './AuditChanges';

interface AuditEventsTableProps {
  events: AuditEvent[];
  timeZone: string;
  caption: string;
}

/**
 * When and what happened, one event per row: the API's sentence (actor, record and local times by name, never an id
 * or a code) and the changed fields in words.
 */
export function AuditEventsTable({ events, timeZone, caption }: AuditEventsTableProps) {
  const format = useClinicFormat();
  // On a portrait tablet the changed fields go under the sentence instead of a third column.
  const wide = useMediaQuery('(min-width: 1100px)', true);
  return (
    <Table.ScrollContainer minWidth={wide ? 640 : 0} type="native">
      <Table highlightOnHover stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={wide ? 120 : 96}>Time</Table.Th>
            <Table.Th>What happened</Table.Th>
            {wide && <Table.Th w="34%">Details</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const failed = event.action.endsWith('_failed') || event.action === 'auth.mfa_failed';
            return (
              <Table.Tr key={event.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <time dateTime={event.occurredAt}>
                    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {format.day(event.occurredAt, timeZone)}
                    </Text>
                    <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {format.time(event.occurredAt, timeZone)}
                    </Text>
                  </time>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={failed ? 'red.9' : undefined} fw={failed ? 500 : undefined} data-testid="audit-sentence">
                    {event.sentence}
                  </Text>
                  {event.ip && (
                    <Text size="xs" c="dimmed" className="tabular" mt={2}>
                      from {event.ip}
                    </Text>
                  )}
                  {!wide && event.details.length > 0 && (
                    <Box mt={6}>
                      <AuditChanges lines={event.details} />
                    </Box>
                  )}
                </Table.Td>
                {wide && (
                  <Table.Td>
                    <AuditChanges lines={event.details} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
