import { Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import { AUDIT_ENTITY_LABELS } from '@web/features/audit/auditVocabulary';
import { formatChanges, type ChangeContext } from '@web/features/audit/formatChanges';
import type { AuditEvent } from '@web/features/audit/hooks/useAuditEvents';
import { AuditChanges } from './AuditChanges';

export interface EntityNames extends ChangeContext {
  entityName: (entityType: string, entityId: string) => string | undefined;
}

interface AuditEventsTableProps {
  events: AuditEvent[];
  timeZone: string;
  caption: string;
  names: EntityNames;
}

/** When, who, what (action and the record it touched) and the changed fields, one event per row. */
export function AuditEventsTable({ events, timeZone, caption, names }: AuditEventsTableProps) {
  return (
    // Below 992 px (tablets) the actor moves under the time, so the changes keep their room.
    <Table.ScrollContainer minWidth={560} type="native">
      <Table highlightOnHover stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Time</Table.Th>
            <Table.Th w={160} visibleFrom="md">
              Actor
            </Table.Th>
            <Table.Th w={210}>Action</Table.Th>
            <Table.Th>Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const entityType = AUDIT_ENTITY_LABELS[event.entityType] ?? event.entityType;
            const entityName = event.entityId ? names.entityName(event.entityType, event.entityId) : undefined;
            const failed = event.action.endsWith('_failed');
            return (
              <Table.Tr key={event.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <time dateTime={event.occurredAt}>
                    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {formatInstant(event.occurredAt, timeZone, 'date')}
                    </Text>
                    <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {formatInstant(event.occurredAt, timeZone, 'time')}
                    </Text>
                  </time>
                  <Stack gap={0} hiddenFrom="md" mt={4}>
                    <Text size="sm">{event.actorName ?? 'System'}</Text>
                    {event.ip && (
                      <Text size="xs" c="dimmed" className="tabular">
                        from {event.ip}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm">{event.actorName ?? 'System'}</Text>
                  {event.ip && (
                    <Text size="xs" c="dimmed" className="tabular">
                      from {event.ip}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code fz="xs" c={failed ? 'red.8' : 'slate.8'} bg={failed ? 'red.0' : undefined}>
                    {event.action}
                  </Code>
                  <Text size="xs" c="dimmed" mt={2}>
                    {entityType}
                    {entityName && (
                      <Text span size="xs" c="slate.8">
                        {' · '}
                        {entityName}
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AuditChanges lines={formatChanges(event.changes, names)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
