import { Button, Group } from '@mantine/core';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';

interface StaffRowActionsProps {
  member: StaffMember;
  isSelf: boolean;
  reactivating: boolean;
  onEdit: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
}

/** Edit, and deactivate or reactivate. Nobody deactivates their own account. */
export function StaffRowActions({ member, isSelf, reactivating, onEdit, onDeactivate, onReactivate }: StaffRowActionsProps) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {member.isActive && (
        <Button variant="subtle" size="compact-sm" onClick={onEdit} aria-label={`Edit ${member.name}`}>
          Edit
        </Button>
      )}
      {member.isActive && !isSelf && (
        <Button variant="subtle" color="red" size="compact-sm" onClick={onDeactivate} aria-label={`Deactivate ${member.name}`}>
          Deactivate
        </Button>
      )}
      {!member.isActive && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={onReactivate}
          loading={reactivating}
          aria-label={`Reactivate ${member.name}`}
        >
          Reactivate
        </Button>
      )}
    </Group>
  );
}
