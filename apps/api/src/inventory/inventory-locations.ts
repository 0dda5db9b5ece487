import { Injectable } from '@nestjs/common';
import { isoDateInTimeZone, type IsoDate } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { clinicToday } from '../organizations/clinic-calendar';
import type { LocationDto } from '../organizations/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';

/** A location of the organization as inventory uses it: where stock is, and its time zone. */
export type InventoryLocation = LocationDto;

/** The organization's locations as inventory sees them (asked of the organizations module): where stock is, and what date it is there. */
@Injectable()
export class InventoryLocations {
  constructor(private readonly organizations: OrganizationsService) {}

  /** A location of the actor's organization, else a 400 naming the field the id came in. */
  async find(manager: EntityManager, actor: Actor, id: string, field: string, mustBeActive = false): Promise<InventoryLocation> {
    const location = await this.organizations.findLocation(manager, actor.organizationId, id);
    if (!location) throw new InvalidFieldError(field, 'no such location in your organization');
    if (mustBeActive && !location.isActive) throw new InvalidFieldError(field, `${location.name} is inactive`);
    return location;
  }

  async all(manager: EntityManager, actor: Actor): Promise<InventoryLocation[]> {
    return this.organizations.locationsOf(manager, actor.organizationId);
  }

  /** The calendar date at the location now: lot expiry is judged on it. */
  today(location: Pick<InventoryLocation, 'timezone'>, now: Date = new Date()): IsoDate {
    return isoDateInTimeZone(now, location.timezone);
  }

  /** The date that counts when no location is named: the actor's clinic calendar (organizations' clinicToday). */
  actorToday(manager: EntityManager, actor: Actor): Promise<IsoDate> {
    return clinicToday(manager, actor);
  }
}
