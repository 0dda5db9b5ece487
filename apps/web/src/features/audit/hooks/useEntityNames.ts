import { useMemo } from 'react';
import { useSignedInUser } from '@web/entities/current-user';
import { useLocations } from '@web/entities/location';
import { useStaffList } from '@web/features/staff';
import type { EntityNames } from '@web/features/audit/components/AuditEventsTable';

/** Resolves entity ids in the trail to names from data the dashboard already has. */
export function useEntityNames(): EntityNames {
  const { data: staff = [] } = useStaffList(true);
  const { data: locations = [] } = useLocations();
  const user = useSignedInUser();
  return useMemo(() => {
    const staffNames = new Map(staff.map((m) => [m.id, m.name]));
    const locationNames = new Map(locations.map((l) => [l.id, l.name]));
    const locationName = (id: string) => locationNames.get(id);
    return {
      locationName,
      entityName: (entityType, entityId) => {
        if (entityType === 'staff_member') return staffNames.get(entityId);
        if (entityType === 'location') return locationName(entityId);
        if (entityType === 'organization' && entityId === user.organizationId) return user.organizationName;
        return undefined;
      },
    };
  }, [staff, locations, user]);
}
