import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { IsoDate } from '@skinledger/domain';
import type { CurrentUser } from '@web/entities/current-user';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';
import { canManageMember } from '@web/features/staff/staffAccess';
import { CredentialSummary } from './CredentialSummary';
import { RoleBadge } from './RoleBadge';
import { StaffRowActions } from './StaffRowActions';
import { StaffStatusBadge } from './StaffStatusBadge';

interface StaffTableProps {
  staff: StaffMember[];
  actor: CurrentUser;
  caption: string;
  today: IsoDate;
  timeZone: string;
  reactivatingId: string | null;
  onEdit: (member: StaffMember) => void;
  onDeactivate: (member: StaffMember) => void;
  onReactivate: (member: StaffMember) => void;
}

export function StaffTable({ staff, actor, caption, today, timeZone, reactivatingId, onEdit, onDeactivate, onReactivate }: StaffTableProps) {
  const showActions = staff.some((m) => canManageMember(actor, m.role));
  return (
    // Below 992 px (tablets) the role moves beside the name, so credentials, status and the actions keep their room.
    <Table.ScrollContainer minWidth={600} type="native">
      <Table highlightOnHover stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={200}>Name</Table.Th>
            <Table.Th w={120} visibleFrom="md">
              Role
            </Table.Th>
            <Table.Th>Credentials</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            {showActions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const isSelf = member.id === actor.id;
            return (
              <Table.Tr key={member.id} c={member.isActive ? undefined : 'dimmed'} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} c={member.isActive ? 'slate.9' : 'dimmed'}>
                      {member.name}
                    </Text>
                    {isSelf && (
                      <Badge size="xs" color="slate" variant="outline" tt="none">
                        You
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {member.email}
                  </Text>
                  <Group hiddenFrom="md" mt={4}>
                    <RoleBadge role={member.role} />
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <RoleBadge role={member.role} />
                </Table.Td>
                <Table.Td>
                  <CredentialSummary credentials={member.credentials} today={today} />
                </Table.Td>
                <Table.Td>
                  <StaffStatusBadge member={member} timeZone={timeZone} />
                </Table.Td>
                {showActions && (
                  <Table.Td>
                    {canManageMember(actor, member.role) && (
                      <StaffRowActions
                        member={member}
                        isSelf={isSelf}
                        reactivating={reactivatingId === member.id}
                        onEdit={() => onEdit(member)}
                        onDeactivate={() => onDeactivate(member)}
                        onReactivate={() => onReactivate(member)}
                      />
                    )}
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
