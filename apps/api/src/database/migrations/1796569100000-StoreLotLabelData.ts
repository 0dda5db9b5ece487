import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, device labels as real tools read them: a lot received by scan keeps what its label said.
 *
 * - `lots.udi_format` ('gs1' or 'hibc') and `lots.udi_data`: the whole label: for GS1 the element string in
 *   human-readable form, every AI in label order (`(01)…(240)…(17)…(10)…`); for HIBC the data as scanned.
 * - `lots.additional_product_id` (GS1 AI 240), `lots.label_expires_at` (AI 7003, expiry date and time as printed:
 *   a local time with no zone, hence `timestamp without time zone`), `lots.label_item_count` (AI 30).
 * - `products.hibc_device_id`: LIC + product number + unit of measure, how a HIBC label names the product (the GTIN
 *   of a GS1 label), unique per organization.
 * Lots received by form, and lots received before, have none of these (null).
 */
export class StoreLotLabelData1796569100000 implements MigrationInterface {
  name = 'StoreLotLabelData1796569100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE lots
        ADD COLUMN udi_format text CHECK (udi_format IN ('gs1', 'hibc')),
        ADD COLUMN udi_data text CHECK (length(udi_data) BETWEEN 1 AND 500),
        ADD COLUMN additional_product_id text CHECK (length(additional_product_id) BETWEEN 1 AND 30),
        ADD COLUMN label_expires_at timestamp without time zone,
        ADD COLUMN label_item_count integer CHECK (label_item_count BETWEEN 0 AND 99999999),
        ADD CONSTRAINT lots_udi_data_has_format CHECK ((udi_format IS NULL) = (udi_data IS NULL))`);
    await q.query(`
      ALTER TABLE products
        ADD COLUMN hibc_device_id text CHECK (hibc_device_id ~ '^[A-Z][0-9A-Z]{3}[0-9A-Z]{1,18}[0-9]$'),
        ADD CONSTRAINT products_hibc_device_id_unique UNIQUE (organization_id, hibc_device_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE products DROP CONSTRAINT products_hibc_device_id_unique, DROP COLUMN hibc_device_id`);
    await q.query(`
      ALTER TABLE lots DROP CONSTRAINT lots_udi_data_has_format,
        DROP COLUMN udi_format, DROP COLUMN udi_data, DROP COLUMN additional_product_id,
        DROP COLUMN label_expires_at, DROP COLUMN label_item_count`);
  }
}
