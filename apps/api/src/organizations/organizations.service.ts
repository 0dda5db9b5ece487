import { Injectable } from '@nestjs/common';
import { clinicLocaleForCountry, countryForTimeZone } from '@skinledger/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { requirePhoneNumber } from '../common/phone/phone-numbers';
import { ConflictError, InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { Location } from './location.entity';
import { resolvePublicBookingSlug, type PublicBookingClinic } from './public-booking.queries';
import { Organization } from './organization.entity';
import type { CreateLocationDto, LocationDto, OrganizationDto, UpdateLocationDto, UpdateOrganizationDto } from './organization.dto';

const LOCATION_FIELDS = ['name', 'timezone', 'countryCode', 'address', 'phone', 'latitude', 'longitude', 'isActive'] as const;

export function toLocationDto(l: Location): LocationDto {
  return {
    id: l.id,
    name: l.name,
    timezone: l.timezone,
    countryCode: l.countryCode,
    address: l.address,
    phone: l.phone,
    latitude: l.latitude,
    longitude: l.longitude,
    isActive: l.isActive,
  };
}

function toOrganizationDto(o: Organization): OrganizationDto {
  return { id: o.id, name: o.name, locale: o.locale, createdAt: o.createdAt.toISOString(), publicBookingSlug: o.publicBookingSlug };
}

export type { PublicBookingClinic } from './public-booking.queries';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<OrganizationDto> {
    return toOrganizationDto(await this.dataSource.getRepository(Organization).findOneByOrFail({ id: actor.organizationId }));
  }

  async update(actor: Actor, input: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.findOneByOrFail(Organization, { id: actor.organizationId });
      const changes = diffFields(organization, input, ['name', 'locale']);
      await manager.update(Organization, { id: organization.id }, { name: input.name, ...(input.locale ? { locale: input.locale } : {}) });
      if (Object.keys(changes).length) {
        await this.audit.record(manager, actor, { action: 'organization.updated', entityType: 'organization', entityId: organization.id, changes });
      }
      return toOrganizationDto(await manager.findOneByOrFail(Organization, { id: organization.id }));
    });
  }

  /**
   * The clinic a public booking slug names, with its online-booking settings as stored, while online booking is on;
   * null for an unknown slug and a closed clinic alike. Scopes the caller's transaction to that clinic.
   */
  async resolvePublicBooking(manager: EntityManager, slug: string): Promise<PublicBookingClinic | null> {
    return resolvePublicBookingSlug(manager, slug);
  }

  async listLocations(actor: Actor): Promise<LocationDto[]> {
    return this.locationsOf(this.dataSource.manager, actor.organizationId);
  }

  /** The organization's locations by name, in the caller's transaction (inventory, staff). */
  async locationsOf(manager: EntityManager, organizationId: string): Promise<LocationDto[]> {
    const locations = await manager.find(Location, { where: { organizationId }, order: { name: 'ASC' } });
    return locations.map(toLocationDto);
  }

  /** One location of the organization, in the caller's transaction; null when it is not one of theirs. */
  async findLocation(manager: EntityManager, organizationId: string, id: string): Promise<LocationDto | null> {
    const location = await manager.findOneBy(Location, { id, organizationId });
    return location ? toLocationDto(location) : null;
  }

  /**
   * First run (setup): the organization row, under the id setup already made the transaction's tenant, and its first
   * location. The caller audits both in the same transaction.
   */
  async foundOrganization(manager: EntityManager, input: { id: string; name: string; location: { name: string; timezone: string; countryCode?: string } }) {
    // The clinic writes the English of its first location's country (US: en-US, elsewhere en-GB); Settings changes it.
    const country = locationCountry(input.location);
    await manager.insert(Organization, { id: input.id, name: input.name, settings: {}, locale: clinicLocaleForCountry(country) });
    const location = await this.insertLocation(manager, input.id, { ...input.location, countryCode: country });
    return { organization: { id: input.id, name: input.name }, location };
  }

  async createLocation(actor: Actor, input: CreateLocationDto): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(actor, input.name);
      const location = await this.insertLocation(manager, actor.organizationId, input);
      await this.audit.record(manager, actor, {
        action: 'location.created',
        entityType: 'location',
        entityId: location.id,
        changes: createdFields(location, LOCATION_FIELDS),
      });
      return location;
    });
  }

  private async insertLocation(manager: EntityManager, organizationId: string, input: CreateLocationDto): Promise<LocationDto> {
    // A zone without a default (UTC, say) takes the country of the organization's first location.
    const first = input.countryCode || countryForTimeZone(input.timezone) ? null : await manager.findOne(Location, { where: { organizationId }, order: { createdAt: 'ASC' } });
    const countryCode = locationCountry({ ...input, countryCode: input.countryCode ?? first?.countryCode });
    const location = await manager.save(
      manager.create(Location, {
        organizationId,
        name: input.name,
        timezone: input.timezone,
        countryCode,
        address: input.address ?? '',
        phone: requirePhoneNumber('phone', input.phone ?? '', countryCode),
        ...coordinates(input.latitude ?? null, input.longitude ?? null),
        isActive: true,
      }),
    );
    return toLocationDto(location);
  }

  async updateLocation(actor: Actor, id: string, input: UpdateLocationDto): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      const location = await manager.findOneBy(Location, { id, organizationId: actor.organizationId });
      if (!location) throw new NotFoundError('Location', id);
      if (input.name && input.name !== location.name) await this.assertNameFree(actor, input.name);
      const countryCode = input.countryCode ?? location.countryCode;
      const update = input.phone === undefined ? { ...input } : { ...input, phone: requirePhoneNumber('phone', input.phone, countryCode) };
      if (input.latitude !== undefined || input.longitude !== undefined) {
        Object.assign(update, coordinates(input.latitude === undefined ? location.latitude : input.latitude, input.longitude === undefined ? location.longitude : input.longitude));
      }
      const changes = diffFields(location, update, LOCATION_FIELDS);
      if (Object.keys(changes).length) {
        await manager.update(Location, { id }, update);
        await this.audit.record(manager, actor, { action: 'location.updated', entityType: 'location', entityId: id, changes });
      }
      return toLocationDto(await manager.findOneByOrFail(Location, { id }));
    });
  }

  private async assertNameFree(actor: Actor, name: string): Promise<void> {
    if (await this.dataSource.getRepository(Location).existsBy({ organizationId: actor.organizationId, name })) {
      throw new ConflictError('location-name-taken', `A location named "${name}" already exists`, {
        errors: [{ field: 'name', message: 'a location with this name already exists' }],
      });
    }
  }
}

/** A location's place: both degrees or neither (the database says so too: locations_coordinates_both). */
function coordinates(latitude: number | null, longitude: number | null): { latitude: number | null; longitude: number | null } {
  if ((latitude === null) !== (longitude === null)) {
    throw new InvalidFieldError(latitude === null ? 'latitude' : 'longitude', 'give both latitude and longitude, or neither');
  }
  return { latitude, longitude };
}

/** The location's country: the one chosen, else the time zone's; without either it must be chosen (400). */
function locationCountry(input: { timezone: string; countryCode?: string }): string {
  const country = input.countryCode ?? countryForTimeZone(input.timezone);
  if (!country) {
    throw new InvalidFieldError('countryCode', `choose the location's country: the time zone ${input.timezone} does not tell it, and phone numbers are read in it`);
  }
  return country;
}
