import { isoDateInTimeZone, type IsoDate } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { defaultTimeZoneOf } from './clinic-calendar.queries';

/**
 * The time zone whose calendar "today" means for the actor: their default location's, else the organization's
 * first location's (active ones first), else UTC. The one definition other modules use (staff, inventory, patients,
 * consents).
 */
export async function clinicTimeZone(manager: EntityManager, actor: Pick<Actor, 'organizationId' | 'staffMemberId' | 'clinicTimeZone'>): Promise<string> {
  // A signed-in request's actor carries it from the sign-in check, which applies the same rule.
  if (actor.clinicTimeZone) return actor.clinicTimeZone;
  return (await defaultTimeZoneOf(manager, actor.organizationId, actor.staffMemberId)) ?? 'UTC';
}

/** Today's date on the actor's clinic calendar (see clinicTimeZone). */
export async function clinicToday(manager: EntityManager, actor: Pick<Actor, 'organizationId' | 'staffMemberId' | 'clinicTimeZone'>, now: Date = new Date()): Promise<IsoDate> {
  return isoDateInTimeZone(now, await clinicTimeZone(manager, actor));
}
