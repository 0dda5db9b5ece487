import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the provider finder: a location may carry where it is (WGS 84 degrees), so the public booking page sorts
 * the clinic's locations by distance from the patient's browser location. Optional (a clinic that leaves them empty is
 * found by a typed town or postcode matched against the address); both or neither, inside the globe's ranges.
 * Published to other modules as its own view (security_invoker, the clinic's row-level security), so
 * location_directory and the views built on it stay as they are.
 */
export class AddLocationCoordinates1796569760000 implements MigrationInterface {
  name = 'AddLocationCoordinates1796569760000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE locations
        ADD COLUMN latitude double precision CONSTRAINT locations_latitude_range CHECK (latitude BETWEEN -90 AND 90),
        ADD COLUMN longitude double precision CONSTRAINT locations_longitude_range CHECK (longitude BETWEEN -180 AND 180),
        ADD CONSTRAINT locations_coordinates_both CHECK ((latitude IS NULL) = (longitude IS NULL))`);
    await q.query(`
      CREATE VIEW location_coordinates WITH (security_invoker = true) AS
        SELECT id, organization_id, latitude, longitude FROM locations WHERE latitude IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW location_coordinates`);
    await q.query(`ALTER TABLE locations DROP CONSTRAINT locations_coordinates_both, DROP COLUMN longitude, DROP COLUMN latitude`);
  }
}
