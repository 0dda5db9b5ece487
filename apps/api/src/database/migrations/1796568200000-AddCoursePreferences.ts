import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A course's preferences (issue 13): the part of the day the patient can come, as a window of the local start time
 * in minutes after midnight (with the named part it came from, if any), and a practitioner preferred but not
 * required (`practitioner_id` stays "only this practitioner"). The proposal keeps them where it can; whether a
 * session keeps them is read from its slot, so a moved appointment is judged where it is now.
 */
export class AddCoursePreferences1796568200000 implements MigrationInterface {
  name = 'AddCoursePreferences1796568200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE treatment_plans
        ADD COLUMN preferred_time_of_day text CHECK (preferred_time_of_day IN ('morning', 'afternoon', 'evening')),
        ADD COLUMN preferred_from_minute smallint CHECK (preferred_from_minute BETWEEN 0 AND 1439),
        ADD COLUMN preferred_to_minute smallint CHECK (preferred_to_minute BETWEEN 1 AND 1440),
        ADD COLUMN preferred_practitioner_id uuid,
        ADD CONSTRAINT treatment_plans_preferred_window_check CHECK (
          (preferred_from_minute IS NULL) = (preferred_to_minute IS NULL)
          AND (preferred_from_minute IS NULL OR preferred_from_minute < preferred_to_minute)
          AND (preferred_time_of_day IS NULL OR preferred_from_minute IS NOT NULL)),
        ADD CONSTRAINT treatment_plans_preferred_practitioner_check CHECK (preferred_practitioner_id IS NULL OR practitioner_id IS NULL),
        ADD CONSTRAINT treatment_plans_preferred_practitioner_fkey
          FOREIGN KEY (organization_id, preferred_practitioner_id) REFERENCES staff_members(organization_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE treatment_plans
        DROP CONSTRAINT treatment_plans_preferred_practitioner_fkey,
        DROP CONSTRAINT treatment_plans_preferred_practitioner_check,
        DROP CONSTRAINT treatment_plans_preferred_window_check,
        DROP COLUMN preferred_practitioner_id, DROP COLUMN preferred_to_minute, DROP COLUMN preferred_from_minute, DROP COLUMN preferred_time_of_day`);
  }
}
