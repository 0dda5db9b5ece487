import { MigrationInterface, QueryRunner } from 'typeorm';

/** The patient list filters by tag within an organization: one GIN index over (organization, tags). */
export class IndexPatientTags1795800000000 implements MigrationInterface {
  name = 'IndexPatientTags1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX patients_tags_idx ON patients USING gin (organization_id, tags)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX patients_tags_idx`);
  }
}
