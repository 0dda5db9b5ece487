import { Injectable } from '@nestjs/common';
import { isoDateInTimeZone, type IsoDate } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { Location } from '../organizations/location.entity';

/** The organization's locations as inventory sees them: where stock is, and what date it is there. */
@Injectable()
export class InventoryLocations {
  /** A location of the actor's organization, else a 400 naming the field the id came in. */
  async find(manager: EntityManager, actor: Actor, id: string, field: string, mustBeActive = false): Promise<Location> {
    const location = await manager.findOneBy(Location, { id, organizationId: actor.organizationId });
    if (!location) throw new InvalidFieldError(field, 'no such location in your organization');
    if (mustBeActive && !location.isActive) throw new InvalidFieldError(field, `${location.name} is inactive`);
    return location;
  }

  async all(manager: EntityManager, actor: Actor): Promise<Location[]> {
    return manager.find(Location, { where: { organizationId: actor.organizationId }, order: { name: 'ASC' } });
  }

  /** The calendar date at the location now: lot expiry is judged on it. */
  today(location: Pick<Location, 'timezone'>, now: Date = new Date()): IsoDate {
    return isoDateInTimeZone(now, location.timezone);
  }

  /** The date that counts when no location is named: the actor's default location's, else the first location's, else UTC. */
  async actorToday(manager: EntityManager, actor: Actor): Promise<IsoDate> {
    const rows: { timezone: string }[] = await manager.query(
      `SELECT l.timezone
       FROM locations l
       LEFT JOIN staff_members s ON s.id = $2 AND s.default_location_id = l.id
       WHERE l.organization_id = $1
       ORDER BY (s.id IS NOT NULL) DESC, l.is_active DESC, l.created_at, l.id
       LIMIT 1`,
      [actor.organizationId, actor.staffMemberId],
    );
    return this.today({ timezone: rows[0]?.timezone ?? 'UTC' });
  }
}
