import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient search reads a page, not every match (patient-search.queries.ts):
 * - folded surnames and first names (and the phone digits reversed) as columns in C order, indexed (btree, led by
 *   organization_id, then the other name part and the id):
 *   "surname / first name starting with …" is a range read in page order, so the common searches (a surname, a
 *   first name, its start, a full name) stop after a page; the trigram index is left for typos only.
 * - e-mails in C order with the id, so "e-mails starting with …" is an index range read in page order.
 * Prefixes are read as `column >= start AND column < start || U+10FFFF` (leakproof operators, see below).
 * - the name-match thresholds (0.5, pg_trgm's defaults are 0.3 and 0.6) are set for the database, so a search is one
 *   statement without a `set_config` before it. ensure-app-role.ts sets the same for the app role, which also covers
 *   databases copied from this one (CREATE DATABASE … TEMPLATE does not copy database settings).
 */
export class SearchPatientsAPageAtATime1796569620000 implements MigrationInterface {
  name = 'SearchPatientsAPageAtATime1796569620000';

  async up(q: QueryRunner): Promise<void> {
    // Plain columns, not expression indexes: under row-level security the planner uses a condition as an index
    // condition only when its functions are leakproof, and `>=`/`<` on text are while translate()/lower()/reverse()
    // and LIKE are not (a condition on them is filtered row by row over the whole organization).
    await q.query(`
      ALTER TABLE patients
        ADD COLUMN last_name_folded text COLLATE "C" GENERATED ALWAYS AS (patient_search_text(last_name)) STORED,
        ADD COLUMN first_name_folded text COLLATE "C" GENERATED ALWAYS AS (patient_search_text(first_name)) STORED,
        ADD COLUMN phone_digits_reversed text COLLATE "C"
          GENERATED ALWAYS AS (reverse(nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), ''))) STORED`);
    await q.query(`CREATE INDEX patients_surname_start_idx ON patients (organization_id, last_name_folded, first_name_folded, id)`);
    await q.query(`CREATE INDEX patients_first_name_start_idx ON patients (organization_id, first_name_folded, last_name_folded, id)`);
    await q.query(`CREATE INDEX patients_phone_end_idx ON patients (organization_id, phone_digits_reversed) WHERE phone_digits_reversed IS NOT NULL`);
    await q.query(`CREATE INDEX patients_email_order_idx ON patients (organization_id, email COLLATE "C", id) WHERE email IS NOT NULL`);
    // Loads pg_trgm into this session, so its settings are known (checked) rather than placeholders.
    await q.query(`SELECT similarity('a', 'a')`);
    for (const sql of PATIENT_SEARCH_THRESHOLDS) {
      await q.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET ${sql}', current_database()); END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of PATIENT_SEARCH_THRESHOLDS) {
      const name = sql.split(' ')[0];
      await q.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET ${name}', current_database()); END $$`);
    }
    await q.query(`DROP INDEX patients_email_order_idx`);
    await q.query(`DROP INDEX patients_phone_end_idx`);
    await q.query(`DROP INDEX patients_first_name_start_idx`);
    await q.query(`DROP INDEX patients_surname_start_idx`);
    await q.query(`ALTER TABLE patients DROP COLUMN phone_digits_reversed, DROP COLUMN first_name_folded, DROP COLUMN last_name_folded`);
  }
}

/** The name-match thresholds patient search relies on (word: each word typed; whole: the whole name). */
export const PATIENT_SEARCH_THRESHOLDS = ['pg_trgm.word_similarity_threshold = 0.5', 'pg_trgm.similarity_threshold = 0.5'] as const;
