import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  evaluateZoneDepths,
  findZone,
  indicationLabel,
  preflightZoneCode,
  zoneFindingClass,
  ZONE_CODES,
  type TreatmentIndication,
  type ZoneCode,
} from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import type { TemplateFindingDto, TreatmentTemplateDto, TreatmentTemplateInputDto } from './treatment-templates.dto';
import { deleteTemplate, findTemplate, insertTemplate, listTemplates, updateTemplate, type TemplateRow, type TemplateWrite } from './treatment-templates.queries';
import { TreatmentSettingsService } from './treatment-settings.service';

const NAME_CONSTRAINT = 'treatment_templates_name_key';

/**
 * The clinic's named treatment templates per indication: zones, depths and passes a practitioner applies at the chair
 * and then adjusts. The depth rules are the preflight's (libs/domain evaluateZoneDepths with the clinic's lowered
 * zone maximums): a template that would block a session (off the device's steps, above the device, above a zone
 * maximum — a template carries no override reason) is refused with 422 when saved; warnings (beyond the maker's
 * evaluated depth) are allowed and shown. Reading a template checks it again against today's maximums, and applying
 * it goes through the preflight like any chart, with the practitioner's licence.
 */
@Injectable()
export class TreatmentTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: TreatmentSettingsService,
  ) {}

  async list(actor: Actor, indication: TreatmentIndication | undefined): Promise<TreatmentTemplateDto[]> {
    const manager = this.dataSource.manager;
    const rows = await listTemplates(manager, actor.organizationId, indication ?? null);
    const zoneMaxMm = await this.zoneMaxima(manager, actor);
    return rows.map((row) => toDto(row, zoneMaxMm));
  }

  async get(actor: Actor, id: string): Promise<TreatmentTemplateDto> {
    const manager = this.dataSource.manager;
    const row = await findTemplate(manager, actor.organizationId, id);
    if (!row) throw new NotFoundError('Treatment template', id);
    return toDto(row, await this.zoneMaxima(manager, actor));
  }

  async create(actor: Actor, input: TreatmentTemplateInputDto): Promise<TreatmentTemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const write = await this.checked(manager, actor, input);
      const id = await guardName(() => insertTemplate(manager, actor.organizationId, actor.staffMemberId, write));
      await this.audit.record(manager, actor, {
        action: 'treatment_template.created',
        entityType: 'treatment_template',
        entityId: id,
        changes: { name: { to: write.name }, indication: { to: write.indication }, zones: { to: zoneSummary(write.zones) } },
      });
      return this.loadIn(manager, actor, id);
    });
  }

  async replace(actor: Actor, id: string, input: TreatmentTemplateInputDto): Promise<TreatmentTemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await findTemplate(manager, actor.organizationId, id, true);
      if (!before) throw new NotFoundError('Treatment template', id);
      const write = await this.checked(manager, actor, input);
      await guardName(() => updateTemplate(manager, actor.organizationId, id, actor.staffMemberId, write));
      const beforeZones = zoneSummary(before.zones.map((z) => ({ ...z, depthMm: Number(z.depthMm) })));
      await this.audit.record(manager, actor, {
        action: 'treatment_template.updated',
        entityType: 'treatment_template',
        entityId: id,
        changes: {
          ...(before.name !== write.name ? { name: { from: before.name, to: write.name } } : {}),
          ...(before.indication !== write.indication ? { indication: { from: before.indication, to: write.indication } } : {}),
          zones: { from: beforeZones, to: zoneSummary(write.zones) },
        },
      });
      return this.loadIn(manager, actor, id);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await findTemplate(manager, actor.organizationId, id, true);
      if (!before) throw new NotFoundError('Treatment template', id);
      await deleteTemplate(manager, actor.organizationId, id);
      await this.audit.record(manager, actor, {
        action: 'treatment_template.deleted',
        entityType: 'treatment_template',
        entityId: id,
        changes: { name: { from: before.name }, indication: { from: before.indication } },
      });
    });
  }

  private async loadIn(manager: EntityManager, actor: Actor, id: string): Promise<TreatmentTemplateDto> {
    const row = await findTemplate(manager, actor.organizationId, id);
    if (!row) throw new NotFoundError('Treatment template', id);
    return toDto(row, await this.zoneMaxima(manager, actor));
  }

  private async zoneMaxima(manager: EntityManager, actor: Actor): Promise<Readonly<Record<ZoneCode, number>>> {
    return (await this.settings.effective(manager, actor.organizationId)).zoneMaxMm;
  }

  /** The write as stored (zones in charting order), or 422 listing every zone the preflight would block. */
  private async checked(manager: EntityManager, actor: Actor, input: TreatmentTemplateInputDto): Promise<TemplateWrite> {
    const seen = new Set<string>();
    for (const [index, z] of input.zones.entries()) {
      if (seen.has(z.zone)) throw new InvalidFieldError(`zones.${index}.zone`, `${z.zone} is listed twice`);
      seen.add(z.zone);
    }
    const blockers = templateFindings(input.zones, await this.zoneMaxima(manager, actor)).filter((f) => f.severity === 'blocker');
    if (blockers.length > 0) {
      throw new RuleViolationError(
        'The template breaks the depth rules',
        blockers.map(({ code, message, subject }) => ({ code, message, subject })),
      );
    }
    // Stored in charting order (the order of domain.md section 2), as the chart and the session record list zones.
    const zones = [...input.zones]
      .sort((a, b) => ZONE_CODES.indexOf(a.zone as ZoneCode) - ZONE_CODES.indexOf(b.zone as ZoneCode))
      .map(({ zone, depthMm, passes }) => ({ zone, depthMm, passes }));
    return { name: input.name, indication: input.indication, notes: input.notes ?? '', zones };
  }
}

/** The depth check of the preflight over a template's zones, without a practitioner (the licence is checked on applying). */
export function templateFindings(zones: readonly { zone: string; depthMm: number; passes: number }[], zoneMaxMm: Readonly<Record<ZoneCode, number>>): TemplateFindingDto[] {
  return evaluateZoneDepths({ zones, zoneMaxMm }).findings.map((f) => ({
    code: preflightZoneCode(f.code),
    // A template has no override reason: the maximum holds, and an override is decided per session.
    message: f.message.replace('; record an override reason to proceed', ': a template stays within the maximum (an override is decided per session, with its reason)'),
    subject: f.zone,
    severity: zoneFindingClass(f),
  }));
}

function toDto(row: TemplateRow, zoneMaxMm: Readonly<Record<ZoneCode, number>>): TreatmentTemplateDto {
  const zones = row.zones.map((z) => ({ zone: z.zone, label: findZone(z.zone)?.label ?? z.zone, depthMm: Number(z.depthMm), passes: z.passes }));
  return {
    id: row.id,
    name: row.name,
    indication: row.indication as TreatmentIndication,
    indicationLabel: indicationLabel(row.indication),
    notes: row.notes,
    zones,
    findings: templateFindings(zones, zoneMaxMm),
    updatedAt: row.updated_at.toISOString(),
    updatedByName: row.updated_by_name,
  };
}

function zoneSummary(zones: readonly { zone: string; depthMm: number; passes: number }[]): string[] {
  return zones.map((z) => `${z.zone} ${z.depthMm} mm x${z.passes}`);
}

async function guardName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
    if (constraint === NAME_CONSTRAINT) {
      throw new ConflictError('name-taken', 'A treatment template of that name already exists', { errors: [{ field: 'name', message: 'already in use' }] });
    }
    throw error;
  }
}
