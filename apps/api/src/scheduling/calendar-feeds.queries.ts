import type { EntityManager } from 'typeorm';

/**
 * Holds the staff member's feed for the rest of the transaction (two rotations cannot both leave a live feed);
 * false when there is no such staff member in the organization.
 */
export async function lockFeedOf(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('calendar-feed:' || id::text, 6)) FROM staff_directory WHERE organization_id = $1 AND id = $2`,
    [organizationId, staffMemberId],
  );
  return rows.length > 0;
}

export async function revokeLiveFeeds(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<void> {
  await manager.query(`UPDATE calendar_feeds SET revoked_at = now() WHERE organization_id = $1 AND staff_member_id = $2 AND revoked_at IS NULL`, [organizationId, staffMemberId]);
}

/** The table keeps only the token's SHA-256. */
export async function insertFeed(manager: EntityManager, organizationId: string, staffMemberId: string, tokenSha256: string, createdBy: string): Promise<void> {
  await manager.query(`INSERT INTO calendar_feeds (organization_id, staff_member_id, token_sha256, created_by) VALUES ($1, $2, $3, $4)`, [
    organizationId,
    staffMemberId,
    tokenSha256,
    createdBy,
  ]);
}

/**
 * The feed of a token (calendar_feed_resolve is SECURITY DEFINER: a phone calendar has no session), which also
 * scopes the rest of the transaction to the feed's organization.
 */
export async function resolveFeed(
  manager: EntityManager,
  tokenSha256: string,
): Promise<{ organization_id: string; staff_member_id: string; name: string; is_active: boolean } | undefined> {
  const [feed] = await manager.query(`SELECT * FROM calendar_feed_resolve($1)`, [tokenSha256]);
  return feed;
}

export interface FeedEventRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  calendar_sequence: number;
  calendar_changed_at: Date;
  service_name: string;
  room_name: string;
  location_name: string;
  initials: string;
}

/**
 * The practitioner's appointments from 30 days back to 180 ahead: service, room, place and initials only, with the
 * iCalendar sequence and last change the database keeps. A cancelled one stays for 30 days after its cancellation
 * (STATUS:CANCELLED), so every subscribed phone refreshes at least once while it is there and removes it; a no-show
 * stays like any held time.
 */
export async function feedEvents(manager: EntityManager, organizationId: string, practitionerId: string): Promise<FeedEventRow[]> {
  return manager.query(
    `SELECT a.id, a.starts_at, a.ends_at, a.status, a.calendar_sequence, a.calendar_changed_at,
            s.name AS service_name, r.name AS room_name, l.name AS location_name,
            left(p.first_name, 1) || left(p.last_name, 1) AS initials
     FROM appointments a JOIN services s ON s.id = a.service_id JOIN rooms r ON r.id = a.room_id JOIN location_directory l ON l.id = a.location_id
     JOIN patient_directory p ON p.id = a.patient_id
     WHERE a.organization_id = $1 AND a.practitioner_id = $2
       AND (a.status <> 'cancelled' OR coalesce(a.status_changed_at, a.calendar_changed_at) > now() - interval '30 days')
       AND a.starts_at > now() - interval '30 days' AND a.starts_at < now() + interval '180 days'
     ORDER BY a.starts_at, a.id`,
    [organizationId, practitionerId],
  );
}
