import { Badge, Stack, Text } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';

interface StaffStatusBadgeProps {
  member: StaffMember;
  timeZone: string;
}

export function StaffStatusBadge({ member, timeZone }: StaffStatusBadgeProps) {
  if (member.isActive) {
    return (
      <Badge color="green" variant="dot" tt="none" fw={500}>
        Active
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="slate" variant="light" tt="none" fw={600}>
        Deactivated
      </Badge>
      {member.deactivatedAt && (
        <Text size="xs" c="dimmed" className="tabular">
          {formatInstant(member.deactivatedAt, timeZone, 'date')}
        </Text>
      )}
    </Stack>
  );
}
