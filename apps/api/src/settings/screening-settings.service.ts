import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolveScreeningSettings, validateScreeningSettings, type ScreeningSettingsInput } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { FieldProblem } from '../common/problems/domain-error';
import { RequestValidationError } from '../common/problems/validation';
import { OrganizationSettingsService } from './organization-settings.service';
import type { ScreeningSettingsDto, ScreeningSettingsInputDto } from './screening-settings.dto';

/**
 * The organization's screening overrides (settings key "screening"), merged over the domain.md defaults by the
 * domain library. Only validated overrides are ever stored.
 */
@Injectable()
export class ScreeningSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
  ) {}

  /** The stored overrides (possibly {}), for screenPatient's `settings`. */
  async overrides(manager: EntityManager, organizationId: string, lock = false): Promise<ScreeningSettingsInput> {
    return (await this.settings.read(manager, organizationId, 'screening', lock)) ?? {};
  }

  async get(actor: Actor): Promise<ScreeningSettingsDto> {
    return toDto(await this.overrides(this.dataSource.manager, actor.organizationId));
  }

  async replace(actor: Actor, input: ScreeningSettingsInputDto): Promise<ScreeningSettingsDto> {
    const overrides = JSON.parse(JSON.stringify(input)) as ScreeningSettingsInput;
    const problems = validateScreeningSettings(overrides).map(toFieldProblem);
    if (problems.length > 0) throw new RequestValidationError(problems);
    await this.settings.replace(actor, 'screening', overrides);
    return toDto(overrides);
  }
}

function toDto(overrides: ScreeningSettingsInput): ScreeningSettingsDto {
  const effective = resolveScreeningSettings(overrides);
  return {
    overrides: overrides as ScreeningSettingsInputDto,
    effective: {
      ...effective,
      anticoagulantMedicationNames: [...effective.anticoagulantMedicationNames],
      isotretinoinMedicationNames: [...effective.isotretinoinMedicationNames],
    },
  };
}

/** "windows: waxing_window must be ..." -> field "windows"; "historyMaxAgeDays must be ..." -> "historyMaxAgeDays". */
function toFieldProblem(message: string): FieldProblem {
  const field = /^([A-Za-z.]+?)(?::| must)/.exec(message)?.[1] ?? 'settings';
  return { field, message };
}
