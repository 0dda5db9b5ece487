import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { onlineBookingWindow, serviceCredentialViolation, STAFF_ROLE_LABELS, type LicenceType, type PractitionerCredential, type ServiceProcedureKind, type StaffRole } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundError } from '../common/problems/domain-error';
import { OrganizationsService, type PublicBookingClinic } from '../organizations/organizations.service';
import { AvailabilityService } from '../scheduling/availability.service';
import { effectiveOnlineBookingSettings } from './online-booking-settings.service';
import { publicCatalog, type PublicCatalogRow } from './online-booking.queries';
import type { PublicAvailabilityDto, PublicAvailabilityQueryDto, PublicBookingOptionsDto, PublicPractitionerDto, PublicServiceDto } from './public-booking.dto';

/**
 * The public booking API's reads (issue 16): no session. Each request runs in one short transaction that first
 * resolves the clinic's public slug (organizations' SECURITY DEFINER entry point, which sets the tenant only while
 * online booking is on), then reads only published views and the scheduling module's availability engine.
 * Non-clinical reads of what the clinic publishes: no audit event.
 */
@Injectable()
export class PublicBookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly engine: AvailabilityService,
  ) {}

  async options(slug: string, now = Date.now()): Promise<PublicBookingOptionsDto> {
    return this.dataSource.transaction(async (manager) => {
      const clinic = await this.clinic(manager, slug);
      const settings = effectiveOnlineBookingSettings(clinic.onlineBooking);
      const options = bookingOptions(clinic.name, await publicCatalog(manager, clinic.organizationId), new Set(settings.excludedPractitionerIds), isoDate(now));
      return { ...options, policyText: settings.policyText, cancellationWindowHours: settings.cancellationWindowHours, brandColor: settings.brandColor };
    });
  }

  async availability(query: PublicAvailabilityQueryDto, now = Date.now()): Promise<PublicAvailabilityDto> {
    return this.dataSource.transaction(async (manager) => {
      const clinic = await this.clinic(manager, query.organization);
      const settings = effectiveOnlineBookingSettings(clinic.onlineBooking);
      const { timeZone, slots } = await this.engine.findOnline(manager, clinic.organizationId, query, {
        window: (from, to) => onlineBookingWindow(settings, { from: from.getTime(), to: to.getTime() }, now),
        excludedPractitionerIds: settings.excludedPractitionerIds,
      });
      return { timeZone, slots: slots.map((s) => ({ startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(), practitionerId: s.practitionerId })) };
    });
  }

  /** An unknown slug and a clinic with online booking off answer alike: 404, nothing more. */
  private async clinic(manager: EntityManager, slug: string): Promise<PublicBookingClinic> {
    const clinic = await this.organizations.resolvePublicBooking(manager, slug);
    if (!clinic) throw new NotFoundError('Booking page');
    return clinic;
  }
}

const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * Who offers what where: a practitioner (not excluded) offers the open services their licence allows today (the
 * booking rule's serviceCredentialViolation; the slot search checks each day again), at the open locations they work
 * at. Services nobody may give and locations nobody works at are left out: the page offers only what can be booked.
 */
export function bookingOptions(
  organizationName: string,
  row: PublicCatalogRow,
  excluded: ReadonlySet<string>,
  today: string,
): Omit<PublicBookingOptionsDto, 'policyText' | 'cancellationWindowHours' | 'brandColor'> {
  const credentials = new Map<string, PractitionerCredential[]>();
  for (const [staffId, licenceType, expiresOn] of row.licences ?? []) {
    const list = credentials.get(staffId) ?? [];
    list.push({ licenceType: licenceType as LicenceType, expiresOn });
    credentials.set(staffId, list);
  }
  const places = new Map<string, string[]>();
  for (const [staffId, locationId] of row.places ?? []) places.set(staffId, [...(places.get(staffId) ?? []), locationId]);
  const services = (row.services ?? []).map(([id, name, durationMin, procedureKind, description, onlineBooking]) => ({
    id,
    name,
    durationMin,
    procedureKind: procedureKind as ServiceProcedureKind,
    description,
    onlineBooking: onlineBooking as PublicServiceDto['onlineBooking'],
  }));
  const practitioners: PublicPractitionerDto[] = [];
  for (const [id, displayName, role] of row.people ?? []) {
    if (excluded.has(id)) continue;
    const locationIds = [...new Set(places.get(id) ?? [])].sort();
    const serviceIds = services.filter((s) => serviceCredentialViolation(s.procedureKind, credentials.get(id) ?? [], today) === null).map((s) => s.id);
    if (locationIds.length > 0 && serviceIds.length > 0) practitioners.push({ id, displayName, title: STAFF_ROLE_LABELS[role as StaffRole] ?? '', serviceIds, locationIds });
  }
  const offered: PublicServiceDto[] = services
    .map((s) => {
      const givers = practitioners.filter((p) => p.serviceIds.includes(s.id));
      return { ...s, practitionerIds: givers.map((p) => p.id), locationIds: [...new Set(givers.flatMap((p) => p.locationIds))].sort() };
    })
    .filter((s) => s.practitionerIds.length > 0);
  const usedLocations = new Set(practitioners.flatMap((p) => p.locationIds));
  const locations = (row.locations ?? []).filter(([id]) => usedLocations.has(id)).map(([id, name, address, timezone, phone, latitude, longitude]) => ({ id, name, address, timezone, phone, latitude, longitude }));
  return { organizationName, locations, services: offered, practitioners };
}
