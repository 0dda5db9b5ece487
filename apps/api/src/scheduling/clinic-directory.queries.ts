import type { ClinicLocale } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * What scheduling reads of other modules' records, through the directories they publish (location_directory,
 * staff_directory, patient_directory): existence in the organization, a location's time zone, a patient's archive.
 */
export async function findLocation(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ name: string; timezone: string; is_active: boolean; locale: ClinicLocale } | undefined> {
  const [row] = await db.query(
    `SELECT l.name, l.timezone, l.is_active, (SELECT o.locale FROM organization_directory o WHERE o.id = l.organization_id) AS locale
     FROM location_directory l WHERE l.organization_id = $1 AND l.id = $2`,
    [organizationId, id],
  );
  return row;
}

export async function staffMemberExists(db: Db, organizationId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM staff_directory WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  return rows.length > 0;
}

/** The patient's archive time (null while active); undefined when there is no such patient in the organization. */
export async function patientArchivedAt(db: Db, organizationId: string, id: string): Promise<{ archived_at: Date | null } | undefined> {
  const [row] = await db.query(`SELECT archived_at FROM patient_directory WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  return row;
}
