import type { EntityManager } from 'typeorm';

/**
 * The country a patient's phone number is read in when typed without a country code: the country of the staff
 * member's default location, else of the clinic's first active location (location_directory). Clinics in one
 * country — nearly all — get that country either way.
 */
export async function patientPhoneCountry(manager: EntityManager, organizationId: string, staffMemberId: string | null): Promise<string> {
  const [row]: { country_code: string }[] = await manager.query(
    `SELECT l.country_code FROM location_directory l
      WHERE l.organization_id = $1
      ORDER BY (l.id = (SELECT s.default_location_id FROM staff_directory s WHERE s.organization_id = $1 AND s.id = $2)) IS TRUE DESC,
               l.is_active DESC, l.name
      LIMIT 1`,
    [organizationId, staffMemberId],
  );
  return row?.country_code ?? 'US';
}
