import { useMemo } from 'react';
import { usePermission, useSignedInUser } from '@web/entities/current-user';
import { useStaffList } from '@web/features/staff';

/** Who recorded something: names from the staff list when this role may read it, else "You" or "Staff member". */
export function useStaffNames(): (id: string | null) => string {
  const canReadStaff = usePermission('staff.read');
  const user = useSignedInUser();
  const { data: members } = useStaffList(true, { enabled: canReadStaff, staleTime: 60_000 });
  return useMemo(() => {
    const names = new Map((members ?? []).map((m) => [m.id, m.name]));
    return (id) => {
      if (!id) return '—';
      if (id === user.id) return 'You';
      return names.get(id) ?? 'Staff member';
    };
  }, [members, user.id]);
}
