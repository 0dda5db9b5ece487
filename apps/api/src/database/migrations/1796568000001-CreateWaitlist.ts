import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * The waitlist (issue 13), owned by scheduling.
 *
 * - waitlist_entries: a patient waits for a service at a location, optionally with one practitioner, on any day of
 *   [earliest_on, latest_on] (the location's calendar days). Stored status waiting -> offered -> booked, or removed;
 *   "expired" is derived (the range is over) so nothing has to run at midnight. One open entry per patient, service
 *   and location for overlapping ranges (exclusion constraint).
 * - freed_slots: the time an appointment gave back when it was cancelled, marked a no-show or moved (its practitioner,
 *   room, start and end incl. buffer), written in the same transaction as that change. Whether it is still free is
 *   asked of the live appointments when it is read.
 * - waitlist_offers: a freed start offered to an entry (the patient gets a message); booking it is the normal
 *   booking, so two offers of one slot cannot both book it (the appointments' exclusion constraints).
 *
 * Views published to other modules: waitlist_offer_details (messaging: what an offer message says) and
 * waitlist_entry_patients (audit: whose entry an event is about, for the patient's access log).
 */
export class CreateWaitlist1796568000001 implements MigrationInterface {
  name = 'CreateWaitlist1796568000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        service_id uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid,
        earliest_on date NOT NULL,
        latest_on date NOT NULL,
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'removed')),
        booked_appointment_id uuid,
        removed_reason text CHECK (length(removed_reason) <= 500),
        removed_at timestamptz,
        removed_by uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT waitlist_entries_range CHECK (earliest_on <= latest_on AND latest_on - earliest_on < 366),
        CONSTRAINT waitlist_entries_booked CHECK ((status = 'booked') = (booked_appointment_id IS NOT NULL)),
        CONSTRAINT waitlist_entries_removed CHECK ((status = 'removed') = (removed_at IS NOT NULL)),
        CONSTRAINT waitlist_entries_one_open EXCLUDE USING gist
          (organization_id WITH =, patient_id WITH =, service_id WITH =, location_id WITH =, daterange(earliest_on, latest_on, '[]') WITH &&)
          WHERE (status IN ('waiting', 'offered')),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, service_id) REFERENCES services(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, booked_appointment_id) REFERENCES appointments(organization_id, id),
        FOREIGN KEY (organization_id, removed_by) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX waitlist_entries_open_idx ON waitlist_entries (organization_id, location_id, latest_on) WHERE status IN ('waiting', 'offered')`);
    await q.query(`CREATE INDEX waitlist_entries_patient_idx ON waitlist_entries (organization_id, patient_id, created_at)`);

    await q.query(`
      CREATE TABLE freed_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        appointment_id uuid NOT NULL,
        cause text NOT NULL CHECK (cause IN ('cancelled', 'no_show', 'rescheduled')),
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        room_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT freed_slots_order CHECK (starts_at < ends_at),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, location_id, room_id) REFERENCES rooms(organization_id, location_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX freed_slots_location_time_idx ON freed_slots (organization_id, location_id, ends_at)`);
    await q.query(`CREATE INDEX freed_slots_appointment_idx ON freed_slots (organization_id, appointment_id)`);

    await q.query(`
      CREATE TABLE waitlist_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        entry_id uuid NOT NULL,
        freed_slot_id uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        room_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'booked', 'withdrawn')),
        appointment_id uuid,
        offered_by uuid,
        offered_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT waitlist_offers_order CHECK (starts_at < ends_at),
        CONSTRAINT waitlist_offers_booked CHECK ((status = 'booked') = (appointment_id IS NOT NULL)),
        CONSTRAINT waitlist_offers_closed CHECK ((status = 'open') = (closed_at IS NULL)),
        CONSTRAINT waitlist_offers_once UNIQUE (entry_id, freed_slot_id, starts_at),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, entry_id) REFERENCES waitlist_entries(organization_id, id),
        FOREIGN KEY (organization_id, freed_slot_id) REFERENCES freed_slots(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, location_id, room_id) REFERENCES rooms(organization_id, location_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id),
        FOREIGN KEY (organization_id, offered_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX waitlist_offers_entry_idx ON waitlist_offers (organization_id, entry_id, offered_at)`);
    await q.query(`CREATE INDEX waitlist_offers_slot_idx ON waitlist_offers (organization_id, freed_slot_id)`);

    for (const table of ['waitlist_entries', 'freed_slots', 'waitlist_offers']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
    }

    // messaging: what an offer message says (patient, place, practitioner, start, service); joined there with the
    // patient, location and staff directories. Single-table with scalar subqueries, security_invoker, like the others.
    await q.query(`
      CREATE VIEW waitlist_offer_details WITH (security_invoker = true) AS
        SELECT o.id, o.organization_id, o.location_id, o.practitioner_id, o.starts_at,
               (SELECT e.patient_id FROM waitlist_entries e WHERE e.organization_id = o.organization_id AND e.id = o.entry_id) AS patient_id,
               (SELECT s.name FROM waitlist_entries e JOIN services s ON s.organization_id = e.organization_id AND s.id = e.service_id
                 WHERE e.organization_id = o.organization_id AND e.id = o.entry_id) AS service_name
          FROM waitlist_offers o`);
    // audit: whose waitlist entry an event is about.
    await q.query(`
      CREATE VIEW waitlist_entry_patients WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id FROM waitlist_entries`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW waitlist_entry_patients`);
    await q.query(`DROP VIEW waitlist_offer_details`);
    for (const table of ['waitlist_offers', 'freed_slots', 'waitlist_entries']) await q.query(`DROP TABLE ${table}`);
  }
}
