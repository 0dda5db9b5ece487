import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, performance: availability and the calendar read a location's appointments overlapping a window. Under
 * row-level security PostgreSQL uses only leakproof operators as index conditions, and the range overlap `&&` is not
 * leakproof: the exclusion constraints' `tstzrange` GiST indexes cannot serve `tstzrange(...) && window` for the app
 * role, which walked the location's whole history (a sequential scan at ten times the appointments). The plain
 * timestamp comparisons are leakproof, so the reads say `starts_at < to AND occupied_until > from` (the same overlap
 * for non-empty ranges) and this GiST index (btree_gist) bounds both columns at once, keeping the read proportional
 * to the window, not to the clinic's past. Every status: the calendar shows cancelled ones too.
 */
export class IndexAppointmentOccupiedTimeByLocation1796569650000 implements MigrationInterface {
  name = 'IndexAppointmentOccupiedTimeByLocation1796569650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appointments_location_occupied_idx ON appointments USING gist (organization_id, location_id, starts_at, occupied_until)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointments_location_occupied_idx`);
  }
}
