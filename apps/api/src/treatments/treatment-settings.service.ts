import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_EVALUATED_MAX_DEPTH_MM,
  DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS,
  DEFAULT_POST_CARE_INSTRUCTIONS,
  DEFAULT_ZONE_MAX_MM,
  DEVICE_MAX_DEPTH_MM,
  FACIAL_ZONES,
  resolveZoneMaximums,
  validateZoneMaxOverrides,
  type ZoneCode,
} from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { RequestValidationError } from '../common/problems/validation';
import type { TreatmentSettings } from '../settings/organization-settings.keys';
import { OrganizationSettingsService } from '../settings/organization-settings.service';
import type { TreatmentSettingsDto, TreatmentSettingsInputDto } from './treatment-settings.dto';

/**
 * The stored overrides: the settings key "treatment". minDaysBetweenMedicalSessions is the organization's medical
 * interval (domain.md section 3, libs/domain medicalIntervalViolation) for sessions without a booked service; a
 * service carries its own.
 */
export type TreatmentSettingsOverrides = TreatmentSettings;

export interface EffectiveTreatmentSettings {
  zoneMaxMm: Readonly<Record<ZoneCode, number>>;
  postCareInstructions: string;
  minDaysBetweenMedicalSessions: number;
}

/** Treatment settings (settings key "treatment"); only validated overrides are stored. */
@Injectable()
export class TreatmentSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async overrides(manager: EntityManager, organizationId: string, lock = false): Promise<TreatmentSettingsOverrides> {
    return (await this.settings.read(manager, organizationId, 'treatment', lock)) ?? {};
  }

  async effective(manager: EntityManager, organizationId: string): Promise<EffectiveTreatmentSettings> {
    return effectiveSettings(await this.overrides(manager, organizationId));
  }

  /** The settings in effect from overrides another statement already read (organization_treatment_settings). */
  effectiveFrom(overrides: TreatmentSettingsOverrides | null): EffectiveTreatmentSettings {
    return effectiveSettings(overrides ?? {});
  }

  async get(actor: Actor): Promise<TreatmentSettingsDto> {
    return toDto(await this.overrides(this.dataSource.manager, actor.organizationId));
  }

  async replace(actor: Actor, input: TreatmentSettingsInputDto): Promise<TreatmentSettingsDto> {
    const overrides = JSON.parse(JSON.stringify(input)) as TreatmentSettingsOverrides;
    const problems = validateZoneMaxOverrides(overrides.zoneMaxMm ?? {}).map((e) => ({
      field: `zoneMaxMm.${e.zone}`,
      message: e.message,
    }));
    if (problems.length > 0) throw new RequestValidationError(problems);
    await this.settings.replace(actor, 'treatment', overrides);
    return toDto(overrides);
  }
}

function effectiveSettings(overrides: TreatmentSettingsOverrides): EffectiveTreatmentSettings {
  const resolved = resolveZoneMaximums(overrides.zoneMaxMm ?? {});
  // Stored overrides were validated; should a default ever drop below a stored value, the defaults win.
  const zoneMaxMm = resolved.ok ? resolved.zoneMaxMm : DEFAULT_ZONE_MAX_MM;
  return {
    zoneMaxMm,
    postCareInstructions: overrides.postCareInstructions ?? DEFAULT_POST_CARE_INSTRUCTIONS,
    minDaysBetweenMedicalSessions: overrides.minDaysBetweenMedicalSessions ?? DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS,
  };
}

function toDto(overrides: TreatmentSettingsOverrides): TreatmentSettingsDto {
  const effective = effectiveSettings(overrides);
  return {
    zones: FACIAL_ZONES.map((z) => ({
      zone: z.code,
      label: z.label,
      defaultMaxMm: z.defaultMaxMm,
      maxMm: effective.zoneMaxMm[z.code],
      typicalMinMm: z.typicalMinMm,
      typicalMaxMm: z.typicalMaxMm,
      kind: z.kind,
    })),
    postCareInstructions: effective.postCareInstructions,
    minDaysBetweenMedicalSessions: effective.minDaysBetweenMedicalSessions,
    evaluatedMaxDepthMm: DEFAULT_EVALUATED_MAX_DEPTH_MM,
    deviceMaxDepthMm: DEVICE_MAX_DEPTH_MM,
    zoneMaxOverrides: overrides.zoneMaxMm ?? {},
  };
}
