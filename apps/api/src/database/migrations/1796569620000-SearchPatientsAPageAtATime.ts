import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient search reads a page, not every match (patient-search.queries.ts):
 * - folded surnames and first names in C order (btree, led by organization_id, then the other name part and the id):
 *   "surname / first name starting with …" is a range read in page order, so the common searches (a surname, a
 *   first name, its start, a full name) stop after a page; the trigram index is left for typos only.
 * - e-mails in C order with the id, so "e-mails starting with …" is an index range read in page order.
 * - the name-match thresholds (0.5, pg_trgm's defaults are 0.3 and 0.6) are set for the database, so a search is one
 *   statement without a `set_config` before it. ensure-app-role.ts sets the same for the app role, which also covers
 *   databases copied from this one (CREATE DATABASE … TEMPLATE does not copy database settings).
 */
export class SearchPatientsAPageAtATime1796569620000 implements MigrationInterface {
  name = 'SearchPatientsAPageAtATime1796569620000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX patients_surname_start_idx ON patients
        (organization_id, (patient_search_text(last_name)) COLLATE "C", (patient_search_text(first_name)) COLLATE "C", id)`);
    await q.query(`
      CREATE INDEX patients_first_name_start_idx ON patients
        (organization_id, (patient_search_text(first_name)) COLLATE "C", (patient_search_text(last_name)) COLLATE "C", id)`);
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
    await q.query(`DROP INDEX patients_first_name_start_idx`);
    await q.query(`DROP INDEX patients_surname_start_idx`);
  }
}

/** The name-match thresholds patient search relies on (word: each word typed; whole: the whole name). */
export const PATIENT_SEARCH_THRESHOLDS = ['pg_trgm.word_similarity_threshold = 0.5', 'pg_trgm.similarity_threshold = 0.5'] as const;
