import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: who cancelled an appointment (the patient or the clinic) and whether a patient's cancellation came inside
 * the clinic's late-cancellation window (organization setting `lateCancellationHours`). Both are written once, with
 * the cancellation; earlier cancellations keep `cancelled_by` NULL (not recorded then) and are not late.
 */
export class RecordCancellationDetails1796568000000 implements MigrationInterface {
  name = 'RecordCancellationDetails1796568000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appointments
        ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('patient', 'clinic')),
        ADD COLUMN late_cancellation boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT appointments_cancelled_by_only_cancelled CHECK (cancelled_by IS NULL OR status = 'cancelled'),
        ADD CONSTRAINT appointments_late_only_by_patient CHECK (NOT late_cancellation OR (status = 'cancelled' AND cancelled_by = 'patient'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appointments
        DROP CONSTRAINT appointments_late_only_by_patient,
        DROP CONSTRAINT appointments_cancelled_by_only_cancelled,
        DROP COLUMN late_cancellation,
        DROP COLUMN cancelled_by`);
  }
}
