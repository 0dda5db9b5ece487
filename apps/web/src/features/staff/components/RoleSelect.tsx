import { Select, type SelectProps } from '@mantine/core';
import { canAssignRole, STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { useSignedInUser } from '@web/entities/current-user';

interface RoleSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: StaffRole | null;
  onChange: (role: StaffRole) => void;
}

const isStaffRole = (value: string | null): value is StaffRole => STAFF_ROLES.some((r) => r === value);

/** The roles the signed-in user may hand out (only owners may assign the owner role). */
export function RoleSelect({ value, onChange, ...props }: RoleSelectProps) {
  const actor = useSignedInUser();
  const data = STAFF_ROLES.filter((role) => canAssignRole(actor.role, role)).map((role) => ({
    value: role,
    label: STAFF_ROLE_LABELS[role],
  }));
  return (
    <Select
      label="Role"
      placeholder="Choose a role"
      allowDeselect={false}
      {...props}
      data={data}
      value={value}
      onChange={(next) => isStaffRole(next) && onChange(next)}
    />
  );
}
