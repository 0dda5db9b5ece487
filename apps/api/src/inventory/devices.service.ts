import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deviceUseBlockers } from '@skinledger/domain';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { Device, DeviceServiceEvent } from './device.entity';
import type {
  CreateDeviceDto,
  CreateServiceEventDto,
  DeviceDetailDto,
  DeviceDto,
  DeviceListQueryDto,
  DeviceServiceEventDto,
  UpdateDeviceDto,
} from './devices.dto';
import { InventoryLocations } from './inventory-locations';

const AUDITED_FIELDS = ['model', 'serialNumber', 'locationId', 'status', 'statusReason', 'notes'] as const;

function toDeviceDto(d: Device): DeviceDto {
  return {
    id: d.id,
    model: d.model,
    serialNumber: d.serialNumber,
    locationId: d.locationId,
    status: d.status,
    statusReason: d.statusReason,
    notes: d.notes,
    createdAt: d.createdAt.toISOString(),
  };
}

function toServiceEventDto(e: DeviceServiceEvent): DeviceServiceEventDto {
  return {
    id: e.id,
    occurredOn: e.occurredOn,
    kind: e.kind,
    description: e.description,
    performedBy: e.performedBy,
    recordedBy: e.recordedBy,
    recordedAt: e.recordedAt.toISOString(),
  };
}

/** Pen handpieces: one serial number per organization; retired is final; only active devices treat patients. */
@Injectable()
export class DevicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly locations: InventoryLocations,
  ) {}

  async list(actor: Actor, query: DeviceListQueryDto): Promise<DeviceDto[]> {
    const devices = await this.dataSource.getRepository(Device).find({
      where: {
        organizationId: actor.organizationId,
        ...(query.locationId ? { locationId: query.locationId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { model: 'ASC', serialNumber: 'ASC' },
    });
    return devices.map(toDeviceDto);
  }

  async get(actor: Actor, id: string): Promise<DeviceDetailDto> {
    return this.detail(this.dataSource.manager, await this.find(this.dataSource.manager, actor, id));
  }

  async create(actor: Actor, input: CreateDeviceDto): Promise<DeviceDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.locations.find(manager, actor, input.locationId, 'locationId', true);
      await this.assertSerialFree(manager, actor, input.serialNumber);
      const device = await this.saving(input.serialNumber, () =>
        manager.save(
          manager.create(Device, {
            organizationId: actor.organizationId,
            locationId: input.locationId,
            model: input.model,
            serialNumber: input.serialNumber,
            status: 'active',
            statusReason: null,
            notes: input.notes ?? '',
          }),
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'device.created',
        entityType: 'device',
        entityId: device.id,
        changes: createdFields(device, AUDITED_FIELDS),
      });
      return toDeviceDto(device);
    });
  }

  async update(actor: Actor, id: string, input: UpdateDeviceDto): Promise<DeviceDto> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.find(manager, actor, id, true);
      if (device.status === 'retired') {
        throw new ConflictError('device-retired', `Device ${device.serialNumber} is retired; a retired device is not changed`);
      }
      if (input.locationId && input.locationId !== device.locationId) {
        await this.locations.find(manager, actor, input.locationId, 'locationId', true);
      }
      if (input.serialNumber && input.serialNumber !== device.serialNumber) {
        await this.assertSerialFree(manager, actor, input.serialNumber);
      }
      const status = input.status ?? device.status;
      const statusChanged = status !== device.status;
      let statusReason = input.statusReason === undefined ? device.statusReason : input.statusReason;
      if (statusChanged && status === 'active' && input.statusReason === undefined) statusReason = null;
      if (statusChanged && status !== 'active' && !input.statusReason) {
        throw new InvalidFieldError('statusReason', `statusReason is required to mark a device ${status.replaceAll('_', ' ')}`);
      }
      const patch: Partial<Device> = {};
      if (input.model !== undefined) patch.model = input.model;
      if (input.serialNumber !== undefined) patch.serialNumber = input.serialNumber;
      if (input.locationId !== undefined) patch.locationId = input.locationId;
      if (input.notes !== undefined) patch.notes = input.notes;
      if (statusChanged) patch.status = status;
      if (statusReason !== device.statusReason) patch.statusReason = statusReason;
      const changes = diffFields(device, patch, AUDITED_FIELDS);
      if (Object.keys(changes).length > 0) {
        await this.saving(input.serialNumber ?? device.serialNumber, () => manager.update(Device, { id }, patch));
        await this.audit.record(manager, actor, {
          action: statusChanged ? `device.${status}` : 'device.updated',
          entityType: 'device',
          entityId: id,
          changes,
        });
      }
      return toDeviceDto(await this.find(manager, actor, id));
    });
  }

  async addServiceEvent(actor: Actor, id: string, input: CreateServiceEventDto): Promise<DeviceDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.find(manager, actor, id, true);
      const { identifiers } = await manager.insert(DeviceServiceEvent, {
        organizationId: actor.organizationId,
        deviceId: device.id,
        occurredOn: input.occurredOn,
        kind: input.kind,
        description: input.description,
        performedBy: input.performedBy ?? null,
        recordedBy: actor.staffMemberId,
      });
      await this.audit.record(manager, actor, {
        action: 'device.serviced',
        entityType: 'device',
        entityId: device.id,
        changes: {
          serviceEventId: { to: (identifiers[0] as { id: string }).id },
          occurredOn: { to: input.occurredOn },
          kind: { to: input.kind },
          description: { to: input.description },
        },
      });
      return this.detail(manager, device);
    });
  }

  /**
   * For the treatment-session capability: the device exists in the actor's organization (404) and is active (422),
   * and, when a location is given, is kept there.
   */
  async assertUsable(manager: EntityManager, actor: Actor, deviceId: string, locationId?: string): Promise<Device> {
    const device = await this.find(manager, actor, deviceId);
    const blockers = deviceUseBlockers(device, locationId);
    if (blockers.length > 0) throw new RuleViolationError(`Device ${device.serialNumber} cannot be used here`, blockers.map((b) => ({ ...b })));
    return device;
  }

  private async find(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<Device> {
    const query = manager
      .createQueryBuilder(Device, 'd')
      .where('d.id = :id AND d.organization_id = :org', { id, org: actor.organizationId });
    const device = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!device) throw new NotFoundError('Device', id);
    return device;
  }

  private async detail(manager: EntityManager, device: Device): Promise<DeviceDetailDto> {
    const events = await manager.find(DeviceServiceEvent, {
      where: { deviceId: device.id, organizationId: device.organizationId },
      order: { occurredOn: 'ASC', recordedAt: 'ASC' },
    });
    return { ...toDeviceDto(device), serviceEvents: events.map(toServiceEventDto) };
  }

  private async assertSerialFree(manager: EntityManager, actor: Actor, serialNumber: string): Promise<void> {
    if (await manager.existsBy(Device, { organizationId: actor.organizationId, serialNumber })) throw serialTaken(serialNumber);
  }

  /** Runs a write; a concurrent registration of the same serial number loses to the unique constraint with a clear 409. */
  private async saving<T>(serialNumber: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'devices_serial_number_unique') {
        throw serialTaken(serialNumber);
      }
      throw error;
    }
  }
}

function serialTaken(serialNumber: string): ConflictError {
  return new ConflictError('serial-number-taken', `A device with serial number ${serialNumber} already exists`, {
    errors: [{ field: 'serialNumber', message: 'a device with this serial number already exists' }],
  });
}
