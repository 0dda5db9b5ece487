import { Badge } from '@mantine/core';
import { STAFF_ROLE_LABELS, type StaffRole } from '@skinledger/domain';

const ROLE_COLORS: Record<StaffRole, string> = {
  owner: 'clinic',
  admin: 'indigo',
  physician: 'blue',
  nurse: 'cyan',
  aesthetician: 'grape',
  front_desk: 'slate',
};

export function RoleBadge({ role }: { role: StaffRole }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" tt="none" fw={600}>
      {STAFF_ROLE_LABELS[role]}
    </Badge>
  );
}
