import type { FreedSlotCause, WaitlistStatus } from '@skinledger/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { runNamedStatement } from '../database/named-query';
import type { ServiceRow } from './catalog.queries';

type Db = Pick<EntityManager, 'query'>;

// A live online hold occupies its time like a booking; one past its expiry is free (released at the next booking).
const LIVE = `status NOT IN ('cancelled', 'no_show') AND (status <> 'held' OR hold_expires_at > now())`;

/** The time an appointment gave back (cancelled, missed or moved), written in the same transaction as that change. */
export async function insertFreedSlot(
  manager: EntityManager,
  s: { organizationId: string; appointmentId: string; cause: FreedSlotCause; locationId: string; practitionerId: string; roomId: string; startsAt: Date; endsAt: Date; createdBy: string | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO freed_slots (organization_id, appointment_id, cause, location_id, practitioner_id, room_id, starts_at, ends_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [s.organizationId, s.appointmentId, s.cause, s.locationId, s.practitionerId, s.roomId, s.startsAt, s.endsAt, s.createdBy],
  );
}

export interface FreedSlotRow {
  id: string;
  appointment_id: string;
  cause: FreedSlotCause;
  location_id: string;
  timezone: string;
  practitioner_id: string;
  practitioner_name: string;
  room_id: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
  /** No live appointment of the practitioner overlaps it: nobody has taken the time again. */
  open: boolean;
}

const FREED_SLOT_SELECT = `
  SELECT f.id, f.appointment_id, f.cause, f.location_id, l.timezone, f.practitioner_id, st.name AS practitioner_name, f.room_id, r.name AS room_name,
         f.starts_at, f.ends_at, f.created_at,
         NOT EXISTS (SELECT 1 FROM appointments a WHERE a.organization_id = f.organization_id AND a.practitioner_id = f.practitioner_id AND a.${LIVE}
                       AND tstzrange(a.starts_at, a.occupied_until) && tstzrange(f.starts_at, f.ends_at)) AS open
  FROM freed_slots f
  JOIN location_directory l ON l.id = f.location_id
  JOIN staff_directory st ON st.id = f.practitioner_id
  JOIN rooms r ON r.id = f.room_id`;

export async function freedSlotById(db: Db, organizationId: string, id: string): Promise<FreedSlotRow | undefined> {
  const [row] = await db.query(`${FREED_SLOT_SELECT} WHERE f.organization_id = $1 AND f.id = $2`, [organizationId, id]);
  return row;
}

export interface WaitlistEntryRow {
  id: string;
  patient_id: string;
  patient_name: string;
  mrn: string;
  has_email: boolean;
  service_id: string;
  service_name: string;
  location_id: string;
  location_name: string;
  timezone: string;
  practitioner_id: string | null;
  practitioner_name: string | null;
  earliest_on: string;
  latest_on: string;
  /** The location's calendar day now: an open entry with latest_on before it is expired. */
  today: string;
  notes: string;
  status: WaitlistStatus;
  booked_appointment_id: string | null;
  removed_reason: string | null;
  created_at: Date;
}

const ENTRY_SELECT = `
  SELECT e.id, e.patient_id, p.first_name || ' ' || p.last_name AS patient_name, p.mrn, (p.email IS NOT NULL AND p.email <> '') AS has_email,
         e.service_id, s.name AS service_name, e.location_id, l.name AS location_name, l.timezone,
         e.practitioner_id, st.name AS practitioner_name,
         to_char(e.earliest_on, 'YYYY-MM-DD') AS earliest_on, to_char(e.latest_on, 'YYYY-MM-DD') AS latest_on,
         to_char((now() AT TIME ZONE l.timezone)::date, 'YYYY-MM-DD') AS today,
         e.notes, e.status, e.booked_appointment_id, e.removed_reason, e.created_at
  FROM waitlist_entries e
  JOIN patient_directory p ON p.id = e.patient_id
  JOIN services s ON s.id = e.service_id
  JOIN location_directory l ON l.id = e.location_id
  LEFT JOIN staff_directory st ON st.id = e.practitioner_id`;

/** Still to be offered or booked: waiting or offered, and the range not over on the location's calendar. */
const OPEN = `e.status IN ('waiting', 'offered') AND e.latest_on >= (now() AT TIME ZONE l.timezone)::date`;

export interface EntryFilter {
  locationId?: string;
  patientId?: string;
  /** true: open entries only (the front desk's list); false: every entry, newest first (a patient's history). */
  openOnly: boolean;
}

/** One page of entries with the total from the same scan: open ones by the end of their range, the rest newest first. */
export async function waitlistEntryPage(db: Db, organizationId: string, f: EntryFilter, limit: number, offset: number): Promise<(WaitlistEntryRow & { total: string })[]> {
  return db.query(
    `SELECT q.*, count(*) OVER () AS total FROM (
       ${ENTRY_SELECT}
       WHERE e.organization_id = $1 AND ($2::uuid IS NULL OR e.location_id = $2) AND ($3::uuid IS NULL OR e.patient_id = $3) AND (NOT $4 OR (${OPEN}))
     ) q
     ORDER BY CASE WHEN $4 THEN q.latest_on END ASC, q.created_at DESC, q.id LIMIT $5 OFFSET $6`,
    [organizationId, f.locationId ?? null, f.patientId ?? null, f.openOnly, limit, offset],
  );
}

export async function waitlistEntryCount(db: Db, organizationId: string, f: EntryFilter): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM waitlist_entries e JOIN location_directory l ON l.id = e.location_id
     WHERE e.organization_id = $1 AND ($2::uuid IS NULL OR e.location_id = $2) AND ($3::uuid IS NULL OR e.patient_id = $3) AND (NOT $4 OR (${OPEN}))`,
    [organizationId, f.locationId ?? null, f.patientId ?? null, f.openOnly],
  );
  return row.n;
}

export async function waitlistEntryRow(db: Db, organizationId: string, id: string): Promise<WaitlistEntryRow | undefined> {
  const [row] = await db.query(`${ENTRY_SELECT} WHERE e.organization_id = $1 AND e.id = $2`, [organizationId, id]);
  return row;
}

/** Locks the entry for the rest of the caller's transaction; false when there is none. */
export async function lockWaitlistEntry(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT id FROM waitlist_entries WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]);
  return rows.length > 0;
}

export interface NewWaitlistEntry {
  organizationId: string;
  patientId: string;
  serviceId: string;
  locationId: string;
  practitionerId: string | null;
  earliestOn: string;
  latestOn: string;
  notes: string;
  createdBy: string;
}

/** Inserts an entry; an open entry of the patient for the service and location with an overlapping range is 23P01. */
export async function insertWaitlistEntry(manager: EntityManager, e: NewWaitlistEntry): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO waitlist_entries (organization_id, patient_id, service_id, location_id, practitioner_id, earliest_on, latest_on, notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [e.organizationId, e.patientId, e.serviceId, e.locationId, e.practitionerId, e.earliestOn, e.latestOn, e.notes, e.createdBy],
  );
  return row.id;
}

/** The open entry that already holds the patient's place for the service and location in an overlapping range. */
export async function overlappingOpenEntry(db: Db, organizationId: string, e: { patientId: string; serviceId: string; locationId: string; earliestOn: string; latestOn: string }): Promise<WaitlistEntryRow | undefined> {
  const [row] = await db.query(
    `${ENTRY_SELECT}
     WHERE e.organization_id = $1 AND e.patient_id = $2 AND e.service_id = $3 AND e.location_id = $4 AND e.status IN ('waiting', 'offered')
       AND daterange(e.earliest_on, e.latest_on, '[]') && daterange($5::date, $6::date, '[]')
     LIMIT 1`,
    [organizationId, e.patientId, e.serviceId, e.locationId, e.earliestOn, e.latestOn],
  );
  return row;
}

export async function setWaitlistEntryStatus(
  manager: EntityManager,
  organizationId: string,
  id: string,
  change: { status: 'offered' | 'waiting' } | { status: 'booked'; appointmentId: string } | { status: 'removed'; reason: string | null; by: string },
): Promise<void> {
  if (change.status === 'booked') {
    await manager.query(`UPDATE waitlist_entries SET status = 'booked', booked_appointment_id = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, id, change.appointmentId]);
  } else if (change.status === 'removed') {
    await manager.query(
      `UPDATE waitlist_entries SET status = 'removed', removed_reason = $3, removed_at = now(), removed_by = $4, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, change.reason, change.by],
    );
  } else {
    await manager.query(`UPDATE waitlist_entries SET status = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, id, change.status]);
  }
}

export interface WaitlistOfferRow {
  id: string;
  entry_id: string;
  freed_slot_id: string;
  location_id: string;
  timezone: string;
  practitioner_id: string;
  practitioner_name: string;
  room_id: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  status: 'open' | 'booked' | 'withdrawn';
  /** Someone else holds the practitioner in the offered time now (an appointment other than this offer's booking). */
  taken: boolean;
  appointment_id: string | null;
  offered_at: Date;
  offered_by_name: string | null;
}

const OFFER_SELECT = `
  SELECT o.id, o.entry_id, o.freed_slot_id, o.location_id, l.timezone, o.practitioner_id, st.name AS practitioner_name, o.room_id, r.name AS room_name,
         o.starts_at, o.ends_at, o.status, o.appointment_id, o.offered_at, ob.name AS offered_by_name,
         EXISTS (SELECT 1 FROM appointments a WHERE a.organization_id = o.organization_id AND a.practitioner_id = o.practitioner_id AND a.${LIVE}
                   AND a.id IS DISTINCT FROM o.appointment_id AND tstzrange(a.starts_at, a.occupied_until) && tstzrange(o.starts_at, o.ends_at)) AS taken
  FROM waitlist_offers o
  JOIN location_directory l ON l.id = o.location_id
  JOIN staff_directory st ON st.id = o.practitioner_id
  JOIN rooms r ON r.id = o.room_id
  LEFT JOIN staff_directory ob ON ob.id = o.offered_by`;

/** Every offer made to these entries or from these freed slots, newest first. */
export async function offersFor(db: Db, organizationId: string, q: { entryIds?: string[]; freedSlotIds?: string[] }): Promise<WaitlistOfferRow[]> {
  return db.query(
    `${OFFER_SELECT} WHERE o.organization_id = $1 AND (o.entry_id = ANY($2::uuid[]) OR o.freed_slot_id = ANY($3::uuid[])) ORDER BY o.offered_at DESC, o.id`,
    [organizationId, q.entryIds ?? [], q.freedSlotIds ?? []],
  );
}


/** What the freed-slot board shows, read in ONE statement: the slots, each open slot's candidate entries, the offers, the services. */
export interface FreedSlotBoard {
  /** Appointment mode only: the appointment exists in the organization. */
  appointmentFound: boolean;
  /** In the board's order; `candidateIds`: open entries whose location and dates touch an open slot (at most 500 a slot). */
  slots: (FreedSlotRow & { candidateIds: string[] })[];
  entries: WaitlistEntryRow[];
  /** Offers of these slots and of these entries, newest first. */
  offers: WaitlistOfferRow[];
  services: ServiceRow[];
}

/**
 * The board around a slot query (`slots` with an `ord` column): candidates per open slot by a lateral read (open
 * entries at the slot's location whose range touches its local dates, at most 500 a slot, oldest first), then everything as JSON in one row.
 */
function freedSlotBoardText(slotQuery: string): string {
  return `
  WITH slots AS (${slotQuery}),
  cand AS (
    SELECT ls.id AS slot_id, c.* FROM slots ls
    CROSS JOIN LATERAL (
      ${ENTRY_SELECT}
      WHERE e.organization_id = $1 AND e.location_id = ls.location_id AND ${OPEN}
        AND e.earliest_on <= (ls.ends_at AT TIME ZONE ls.timezone)::date AND e.latest_on >= (ls.starts_at AT TIME ZONE ls.timezone)::date AND p.archived_at IS NULL
      ORDER BY e.created_at, e.id LIMIT 500) c
    WHERE ls.open AND ls.ends_at > now()
  )
  SELECT
    (SELECT coalesce(json_agg(to_jsonb(s) || jsonb_build_object('candidate_ids',
              (SELECT coalesce(json_agg(c.id ORDER BY c.created_at, c.id), '[]') FROM cand c WHERE c.slot_id = s.id)) ORDER BY s.ord), '[]') FROM slots s) AS slots,
    (SELECT coalesce(json_agg(d.j), '[]') FROM (SELECT DISTINCT ON (c.id) to_jsonb(c) - 'slot_id' AS j FROM cand c ORDER BY c.id) d) AS entries,
    (SELECT coalesce(json_agg(to_jsonb(o) ORDER BY o.offered_at DESC, o.id), '[]') FROM (${OFFER_SELECT}
       WHERE o.organization_id = $1 AND (o.freed_slot_id IN (SELECT id FROM slots) OR o.entry_id IN (SELECT id FROM cand))) o) AS offers,
    (SELECT coalesce(json_agg(to_jsonb(v)), '[]') FROM services v WHERE v.organization_id = $1 AND v.id IN (SELECT service_id FROM cand)) AS services`;
}

const BOARD_OF_LOCATION = freedSlotBoardText(`
  SELECT s.*, row_number() OVER (ORDER BY s.starts_at, s.id) AS ord FROM (
    SELECT * FROM (${FREED_SLOT_SELECT} WHERE f.organization_id = $1 AND f.location_id = $2 AND f.ends_at > $3 AND f.starts_at < $4) s
     WHERE s.open ORDER BY s.starts_at, s.id LIMIT 200) s`);

const BOARD_OF_APPOINTMENT = `${freedSlotBoardText(`
  SELECT s.*, row_number() OVER (ORDER BY s.created_at DESC, s.id) AS ord FROM (${FREED_SLOT_SELECT} WHERE f.organization_id = $1 AND f.appointment_id = $2) s`)},
    EXISTS (SELECT 1 FROM appointments a WHERE a.organization_id = $1 AND a.id = $2) AS appointment_found`;

interface BoardJson {
  slots: (Record<string, unknown> & { candidate_ids: string[] })[];
  entries: Record<string, unknown>[];
  offers: Record<string, unknown>[];
  services: ServiceRow[];
  appointment_found?: boolean;
}

/** Open freed slots at a location ending after `from` and starting before `to`, soonest first (200), with candidates and offers. */
export async function freedSlotBoardOfLocation(db: DataSource | EntityManager, organizationId: string, q: { locationId: string; from: Date; to: Date }): Promise<FreedSlotBoard> {
  const [row] = await runNamedStatement<BoardJson>(db, { name: 'scheduling.freed_slot_board_of_location.v1', text: BOARD_OF_LOCATION, values: [organizationId, q.locationId, q.from, q.to] });
  return toBoard(row);
}

/** What one appointment freed (a cancelled appointment frees once; a moved one once per move), open or taken again, newest first. */
export async function freedSlotBoardOfAppointment(db: DataSource | EntityManager, organizationId: string, appointmentId: string): Promise<FreedSlotBoard> {
  const [row] = await runNamedStatement<BoardJson>(db, { name: 'scheduling.freed_slot_board_of_appointment.v1', text: BOARD_OF_APPOINTMENT, values: [organizationId, appointmentId] });
  return toBoard(row);
}

/** JSON carries instants as text: back to Dates, as the row readers answer them. */
function withDates<T>(row: Record<string, unknown>, keys: string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const k of keys) if (typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  return out as T;
}

function toBoard(row: BoardJson): FreedSlotBoard {
  return {
    appointmentFound: row.appointment_found ?? true,
    slots: row.slots.map((s) => ({ ...withDates<FreedSlotRow>(s, ['starts_at', 'ends_at', 'created_at']), candidateIds: s.candidate_ids })),
    entries: row.entries.map((e) => withDates<WaitlistEntryRow>(e, ['created_at'])),
    offers: row.offers.map((o) => withDates<WaitlistOfferRow>(o, ['starts_at', 'ends_at', 'offered_at'])),
    services: row.services,
  };
}

export async function offerRow(db: Db, organizationId: string, id: string): Promise<WaitlistOfferRow | undefined> {
  const [row] = await db.query(`${OFFER_SELECT} WHERE o.organization_id = $1 AND o.id = $2`, [organizationId, id]);
  return row;
}

export async function lockOffer(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT id FROM waitlist_offers WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]);
  return rows.length > 0;
}

export async function insertOffer(
  manager: EntityManager,
  o: { organizationId: string; entryId: string; freedSlotId: string; locationId: string; practitionerId: string; roomId: string; startsAt: Date; endsAt: Date; offeredBy: string },
): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO waitlist_offers (organization_id, entry_id, freed_slot_id, location_id, practitioner_id, room_id, starts_at, ends_at, offered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [o.organizationId, o.entryId, o.freedSlotId, o.locationId, o.practitionerId, o.roomId, o.startsAt, o.endsAt, o.offeredBy],
  );
  return row.id;
}

export async function setOfferBooked(manager: EntityManager, organizationId: string, id: string, appointmentId: string): Promise<void> {
  await manager.query(`UPDATE waitlist_offers SET status = 'booked', appointment_id = $3, closed_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, id, appointmentId]);
}

/**
 * Withdraws the open offers the booking of `bookedOfferId` made pointless: the entry's other offers, and other
 * entries' offers of the same practitioner's overlapping time. Returns the entries whose offers were withdrawn.
 * Rows another transaction holds are skipped: that is a concurrent booking of such an offer, which the exclusion
 * constraint is about to refuse (waiting for it here would deadlock with its wait for this booking's commit); its
 * offer then reads as taken.
 */
export async function withdrawOffersAfterBooking(
  manager: EntityManager,
  organizationId: string,
  booked: { id: string; entryId: string; practitionerId: string; startsAt: Date; endsAt: Date },
): Promise<string[]> {
  const rows: { entry_id: string }[] = await manager.query(
    `UPDATE waitlist_offers SET status = 'withdrawn', closed_at = now()
     WHERE id IN (SELECT id FROM waitlist_offers
                  WHERE organization_id = $1 AND status = 'open' AND id <> $2
                    AND (entry_id = $3 OR (practitioner_id = $4 AND tstzrange(starts_at, ends_at) && tstzrange($5, $6)))
                  FOR UPDATE SKIP LOCKED)
     RETURNING entry_id`,
    [organizationId, booked.id, booked.entryId, booked.practitionerId, booked.startsAt, booked.endsAt],
  );
  return [...new Set(rows.map((r) => r.entry_id))];
}

export async function withdrawOffersOfEntry(manager: EntityManager, organizationId: string, entryId: string): Promise<void> {
  await manager.query(`UPDATE waitlist_offers SET status = 'withdrawn', closed_at = now() WHERE organization_id = $1 AND entry_id = $2 AND status = 'open'`, [organizationId, entryId]);
}

/** Offered entries left without an open offer go back to waiting (matched with the next freed slot); held rows skipped. */
export async function returnToWaitingWithoutOpenOffers(manager: EntityManager, organizationId: string, entryIds: string[]): Promise<void> {
  if (entryIds.length === 0) return;
  await manager.query(
    `UPDATE waitlist_entries e SET status = 'waiting', updated_at = now()
     WHERE e.id IN (SELECT id FROM waitlist_entries WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'offered' FOR UPDATE SKIP LOCKED)
       AND NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.organization_id = e.organization_id AND o.entry_id = e.id AND o.status = 'open')`,
    [organizationId, entryIds],
  );
}
