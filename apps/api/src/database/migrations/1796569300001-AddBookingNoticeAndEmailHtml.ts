import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: e-mails to patients are multipart (plain text and HTML, with the appointment as an iCalendar
 * attachment made when the message is sent), so an e-mail row keeps its HTML beside the text; SMS rows have none.
 * A booking now tells the patient too (kind `booked`), with the appointment for their calendar.
 */
export class AddBookingNoticeAndEmailHtml1796569300001 implements MigrationInterface {
  name = 'AddBookingNoticeAndEmailHtml1796569300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages
        ADD COLUMN html_body text CONSTRAINT outbound_messages_html_body_check CHECK (length(html_body) <= 20000),
        ADD CONSTRAINT outbound_messages_html_only_email CHECK (html_body IS NULL OR channel = 'email'),
        ADD CONSTRAINT outbound_messages_kind_check
          CHECK (kind IN ('booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbound_messages WHERE kind = 'booked'`);
    await q.query(`
      ALTER TABLE outbound_messages
        DROP CONSTRAINT outbound_messages_kind_check,
        DROP CONSTRAINT outbound_messages_html_only_email,
        DROP COLUMN html_body,
        ADD CONSTRAINT outbound_messages_kind_check
          CHECK (kind IN ('reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer'))`);
  }
}
