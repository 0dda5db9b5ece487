import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { usePermission } from '@web/features/auth/hooks/usePermission';
import { useSignedInUser } from '@web/features/auth/hooks/useSignedInUser';
import { staffKeys } from '@web/features/staff/hooks/staffKeys';

/** Who recorded something: names from the staff list when this role may read it, else "You" or "Staff member". */
export function useStaffNames(): (id: string | null) => string {
  const canReadStaff = usePermission('staff.read');
  const user = useSignedInUser();
  const staff = useQuery({
    queryKey: staffKeys.list(true),
    queryFn: () => request(api.GET('/api/staff', { params: { query: { includeInactive: true } } })),
    enabled: canReadStaff,
    staleTime: 60_000,
  });
  const members = staff.data;
  return useMemo(() => {
    const names = new Map((members ?? []).map((m) => [m.id, m.name]));
    return (id) => {
      if (!id) return '—';
      if (id === user.id) return 'You';
      return names.get(id) ?? 'Staff member';
    };
  }, [members, user.id]);
}
