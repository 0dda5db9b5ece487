import type { PractitionerCredential, StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** Staff names by id, from the staff module's published directory (for "prepared by", "approved by" and the like). */
export async function staffNames(manager: EntityManager, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(
    `SELECT id, name FROM staff_directory WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
    [organizationId, wanted],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who a staff member is as a practitioner: name, role, whether active, and licences (types and expiry dates). */
export interface PractitionerFactsRow {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
  credentials: PractitionerCredential[];
}

/** The staff member's practitioner facts from staff's published directory and licences; undefined for an unknown id. */
export async function practitionerFacts(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<PractitionerFactsRow | undefined> {
  const [row]: { id: string; name: string; role: StaffRole; is_active: boolean; credentials: PractitionerCredential[] }[] = await manager.query(
    `SELECT s.id, s.name, s.role, s.is_active,
            coalesce(json_agg(json_build_object('licenceType', l.licence_type, 'expiresOn', l.expires_on)) FILTER (WHERE l.staff_member_id IS NOT NULL), '[]') AS credentials
       FROM staff_directory s
       LEFT JOIN practitioner_licences l ON l.organization_id = s.organization_id AND l.staff_member_id = s.id
      WHERE s.organization_id = $1 AND s.id = $2
      GROUP BY s.id, s.name, s.role, s.is_active`,
    [organizationId, staffMemberId],
  );
  return row && { id: row.id, name: row.name, role: row.role, active: row.is_active, credentials: row.credentials };
}
