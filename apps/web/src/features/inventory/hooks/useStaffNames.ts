import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../lib/api/apiClient';
import { request } from '../../../lib/api/request';
import { usePermission } from '../../auth/hooks/usePermission';
import { useSignedInUser } from '../../auth/hooks/useSignedInUser';
import { staffKeys } from '../../staff/hooks/staffKeys';

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
