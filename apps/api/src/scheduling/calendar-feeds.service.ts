import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { roleHasPermission } from '@skinledger/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ForbiddenError, NotFoundError } from '../common/problems/domain-error';
import { practitionerEventWords, practitionerFeedICalendar } from './appointment-icalendar';
import { feedEvents, insertFeed, lockFeedOf, resolveFeed, revokeLiveFeeds } from './calendar-feeds.queries';
import { staffMemberExists } from './clinic-directory.queries';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A practitioner's appointments as an iCalendar feed at a secret URL for phone calendars. The table keeps only the
 * token's SHA-256; rotating revokes the old URL. Minimal health information: each event shows the service and the
 * patient's initials, the room and the location — no name, no notes, nothing clinical. Built by appointment-icalendar,
 * which also makes the patient's e-mailed copy of each appointment (same UID and SEQUENCE).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates (or replaces) the practitioner's feed; the token is shown once. */
  async rotate(actor: Actor, staffMemberId: string): Promise<{ token: string; path: string }> {
    this.assertMayManage(actor, staffMemberId);
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      if (!(await lockFeedOf(manager, actor.organizationId, staffMemberId))) throw new NotFoundError('Staff member', staffMemberId);
      await revokeLiveFeeds(manager, actor.organizationId, staffMemberId);
      await insertFeed(manager, actor.organizationId, staffMemberId, sha256(token), actor.staffMemberId);
      await this.audit.record(manager, actor, { action: 'calendar_feed.rotated', entityType: 'staff_member', entityId: staffMemberId });
    });
    return { token, path: `/api/calendar-feeds/${token}.ics` };
  }

  async revoke(actor: Actor, staffMemberId: string): Promise<void> {
    this.assertMayManage(actor, staffMemberId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await staffMemberExists(manager, actor.organizationId, staffMemberId))) throw new NotFoundError('Staff member', staffMemberId);
      await revokeLiveFeeds(manager, actor.organizationId, staffMemberId);
      await this.audit.record(manager, actor, { action: 'calendar_feed.revoked', entityType: 'staff_member', entityId: staffMemberId });
    });
  }

  /** The feed for a token, or 404 for an unknown or revoked one (indistinguishable). */
  async render(token: string): Promise<string> {
    // Public (phone calendars have no session): calendar_feed_resolve (SECURITY DEFINER) finds the feed by its token
    // and scopes the transaction to the feed's organization.
    const { feed, rows } = await this.dataSource.transaction(async (manager) => {
      const feed = await resolveFeed(manager, sha256(token));
      if (!feed || !feed.is_active) throw new NotFoundError('Calendar feed');
      const rows = await feedEvents(manager, feed.organization_id, feed.staff_member_id);
      return { feed, rows };
    });
    return practitionerFeedICalendar(
      `SkinLedger – ${feed.name}`,
      rows.map((r) => ({
        appointmentId: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        cancelled: r.status === 'cancelled',
        sequence: r.calendar_sequence,
        lastModified: r.calendar_changed_at,
        ...practitionerEventWords({ serviceName: r.service_name, initials: r.initials, roomName: r.room_name, locationName: r.location_name, status: r.status }),
      })),
    );
  }

  private assertMayManage(actor: Actor, staffMemberId: string): void {
    if (actor.staffMemberId !== staffMemberId && !roleHasPermission(actor.role, 'schedule.manage')) {
      throw new ForbiddenError('Only the practitioner or an administrator manages this calendar feed');
    }
  }
}
