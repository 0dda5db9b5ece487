import { Logger } from '@nestjs/common';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: phones are stored E.164. Numbers already on file were typed in every form ("+17185551010", "9175550199",
 * "(718) 555 1141"); SQL cannot read them, so this migration does it in TypeScript with libphonenumber-js, batch by
 * batch (keyset pages of BATCH rows, one UPDATE per page):
 *
 * - a location's phone is read in the location's country (`country_code`, added by 1796568400000);
 * - a patient's phone and emergency contact's phone in the country of the organization's first location.
 *
 * A number that cannot be read as a valid number of that country (or of the country its + names) is never dropped
 * or changed: it stays as typed, and the report lists it (table, id and field, not the number) in the migration log,
 * so the clinic can correct it by hand.
 */
const BATCH = 500;

export interface PhoneMigrationReport {
  /** Numbers rewritten to E.164. */
  normalized: number;
  /** Numbers already in E.164. */
  unchanged: number;
  /** Numbers left as typed because they could not be read. */
  unreadable: { table: 'locations' | 'patients'; id: string; field: 'phone' | 'emergency_contact.phone' }[];
}

// A query runner, or (in its test) the data source.
type Db = { query(sql: string, parameters?: unknown[]): Promise<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

function e164(typed: string, country: string | null): string | null {
  const text = typed.trim();
  if (!text || !/^[\d\s+().\-/]+$/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, (country ?? undefined) as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}

/** Reads one stored number: its E.164 form when it changes, else null, counting it in the report. */
function read(report: PhoneMigrationReport, typed: string, country: string | null, unreadable: PhoneMigrationReport['unreadable'][number]): string | null {
  const number = e164(typed, country);
  if (!number) {
    report.unreadable.push(unreadable);
    return null;
  }
  if (number === typed) {
    report.unchanged++;
    return null;
  }
  report.normalized++;
  return number;
}

/** The data migration itself, exported for its integration test (which runs it on numbers written as typed). */
export async function normalizeStoredPhones(db: Db, batch = BATCH): Promise<PhoneMigrationReport> {
  const report: PhoneMigrationReport = { normalized: 0, unchanged: 0, unreadable: [] };

  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows: { id: string; phone: string; country_code: string }[] = await db.query(
      `SELECT id, phone, country_code FROM locations WHERE id > $1 AND phone <> '' ORDER BY id LIMIT $2`,
      [after, batch],
    );
    if (rows.length === 0) break;
    const changed = rows.flatMap((r) => {
      const number = read(report, r.phone, r.country_code, { table: 'locations', id: r.id, field: 'phone' });
      return number ? [{ id: r.id, phone: number }] : [];
    });
    if (changed.length > 0) {
      await db.query(`UPDATE locations l SET phone = v.phone FROM unnest($1::uuid[], $2::text[]) AS v(id, phone) WHERE l.id = v.id`, [
        changed.map((c) => c.id),
        changed.map((c) => c.phone),
      ]);
    }
    after = rows[rows.length - 1].id;
  }

  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows: { id: string; phone: string | null; contact_phone: string | null; country_code: string | null }[] = await db.query(
      `SELECT p.id, p.phone, p.emergency_contact ->> 'phone' AS contact_phone,
              (SELECT l.country_code FROM locations l WHERE l.organization_id = p.organization_id ORDER BY l.created_at, l.id LIMIT 1) AS country_code
         FROM patients p
        WHERE p.id > $1 AND (p.phone IS NOT NULL OR coalesce(p.emergency_contact ->> 'phone', '') <> '')
        ORDER BY p.id LIMIT $2`,
      [after, batch],
    );
    if (rows.length === 0) break;
    const changed = rows.flatMap((r) => {
      const phone = r.phone ? read(report, r.phone, r.country_code, { table: 'patients', id: r.id, field: 'phone' }) : null;
      const contact = r.contact_phone ? read(report, r.contact_phone, r.country_code, { table: 'patients', id: r.id, field: 'emergency_contact.phone' }) : null;
      return phone || contact ? [{ id: r.id, phone, contact }] : [];
    });
    if (changed.length > 0) {
      // Only the numbers change: a null in the arrays keeps what is stored.
      await db.query(
        `UPDATE patients p
            SET phone = coalesce(v.phone, p.phone),
                emergency_contact = CASE WHEN v.contact IS NULL THEN p.emergency_contact ELSE jsonb_set(p.emergency_contact, '{phone}', to_jsonb(v.contact)) END
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, phone, contact)
          WHERE p.id = v.id`,
        [changed.map((c) => c.id), changed.map((c) => c.phone), changed.map((c) => c.contact)],
      );
    }
    after = rows[rows.length - 1].id;
  }
  return report;
}

export class NormalizePhonesToE1641796568400002 implements MigrationInterface {
  name = 'NormalizePhonesToE1641796568400002';

  async up(q: QueryRunner): Promise<void> {
    const report = await normalizeStoredPhones(q);
    const summary = `Phone numbers: ${report.normalized} rewritten to E.164, ${report.unchanged} already E.164, ${report.unreadable.length} left as typed`;
    const logger = new Logger('NormalizePhonesToE164');
    logger.log(summary);
    for (const u of report.unreadable) {
      logger.warn(`Phone number left as typed (not a valid number for its country; correct it by hand): ${u.table} ${u.id} ${u.field}`);
    }
  }

  async down(): Promise<void> {
    // The typed forms are not kept; E.164 numbers are valid input for every version of the API.
  }
}
