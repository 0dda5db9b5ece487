import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the outbox carries a notice for every step of an appointment the patient should hear of (confirmation
 * and no-show join reminder, reschedule and cancellation) and the waitlist's offers. An offer belongs to a
 * waitlist offer, not an appointment: a row names exactly one of the two, and an offer is written once per channel.
 */
export class AddLifecycleNotices1796568000002 implements MigrationInterface {
  name = 'AddLifecycleNotices1796568000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages
        ALTER COLUMN appointment_id DROP NOT NULL,
        ADD COLUMN waitlist_offer_id uuid,
        ADD CONSTRAINT outbound_messages_kind_check
          CHECK (kind IN ('reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer')),
        ADD CONSTRAINT outbound_messages_subject_one CHECK (num_nonnulls(appointment_id, waitlist_offer_id) = 1),
        ADD CONSTRAINT outbound_messages_offer_kind CHECK ((kind = 'waitlist_offer') = (waitlist_offer_id IS NOT NULL)),
        ADD CONSTRAINT outbound_messages_offer_once UNIQUE (waitlist_offer_id, channel),
        ADD CONSTRAINT outbound_messages_waitlist_offer_fk FOREIGN KEY (organization_id, waitlist_offer_id) REFERENCES waitlist_offers(organization_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbound_messages WHERE waitlist_offer_id IS NOT NULL OR kind IN ('confirmation', 'no_show')`);
    await q.query(`
      ALTER TABLE outbound_messages
        DROP CONSTRAINT outbound_messages_waitlist_offer_fk,
        DROP CONSTRAINT outbound_messages_offer_once,
        DROP CONSTRAINT outbound_messages_offer_kind,
        DROP CONSTRAINT outbound_messages_subject_one,
        DROP CONSTRAINT outbound_messages_kind_check,
        DROP COLUMN waitlist_offer_id,
        ALTER COLUMN appointment_id SET NOT NULL,
        ADD CONSTRAINT outbound_messages_kind_check CHECK (kind IN ('reminder', 'cancellation', 'reschedule'))`);
  }
}
