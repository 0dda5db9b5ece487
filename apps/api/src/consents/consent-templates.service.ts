import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { unknownPlaceholders, type ConsentAcknowledgement } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { ConsentTemplate, ConsentTemplateVersion } from './consent.entities';
import { staffNames } from './consent-staff.queries';
import type {
  ApproveConsentTemplateDto,
  ConsentTemplateDetailDto,
  ConsentTemplateDto,
  ConsentTemplateVersionDto,
  ConsentTemplateVersionInputDto,
  CreateConsentTemplateDto,
  PublishConsentTemplateVersionDto,
} from './consent-templates.dto';

/**
 * Consent templates: a head row and immutable published versions. Editing publishes a new version; signed records
 * keep pointing at the exact version they were prepared from. Approval ("reviewed with the medical director") is of
 * one version; publishing a new one asks for review again.
 */
@Injectable()
export class ConsentTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly defaults: ConsentTemplateDefaults,
  ) {}

  async list(actor: Actor): Promise<ConsentTemplateDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.defaults.ensure(manager, actor.organizationId);
      const templates = await manager.find(ConsentTemplate, {
        where: { organizationId: actor.organizationId },
        order: { kind: 'ASC', title: 'ASC', id: 'ASC' },
      });
      const versions = templates.length
        ? await manager.find(ConsentTemplateVersion, {
            where: templates.map((t) => ({ templateId: t.id, version: t.currentVersion, organizationId: actor.organizationId })),
          })
        : [];
      const names = await staffNames(manager, actor.organizationId, [...templates.map((t) => t.approvedBy), ...versions.map((v) => v.publishedBy)]);
      return templates.flatMap((t) => {
        const current = versions.find((v) => v.templateId === t.id);
        return current ? [toTemplateDto(t, current, names)] : [];
      });
    });
  }

  async get(actor: Actor, id: string): Promise<ConsentTemplateDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.defaults.ensure(manager, actor.organizationId);
      return this.detail(manager, actor, id);
    });
  }

  async create(actor: Actor, input: CreateConsentTemplateDto): Promise<ConsentTemplateDetailDto> {
    checkBody(input);
    return this.dataSource.transaction(async (manager) => {
      await this.defaults.ensure(manager, actor.organizationId);
      const template = await manager.save(
        manager.create(ConsentTemplate, {
          organizationId: actor.organizationId,
          kind: input.kind,
          title: input.title,
          isDefault: false,
          currentVersion: 1,
          approvedVersion: null,
          approvedAt: null,
          approvedBy: null,
        }),
      );
      await this.insertVersion(manager, actor, template.id, 1, input, false, null);
      await this.audit.record(manager, actor, {
        action: 'consent_template.created',
        entityType: 'consent_template',
        entityId: template.id,
        changes: createdFields(input, ['kind', 'title', 'validDays']),
      });
      return this.detail(manager, actor, template.id);
    });
  }

  async publishVersion(actor: Actor, id: string, input: PublishConsentTemplateVersionDto): Promise<ConsentTemplateDetailDto> {
    checkBody(input);
    return this.dataSource.transaction(async (manager) => {
      const template = await this.lock(manager, actor, id);
      const version = template.currentVersion + 1;
      await this.insertVersion(manager, actor, template.id, version, input, input.requiresReconsent, input.changeNote ?? null);
      await manager.update(ConsentTemplate, { id: template.id }, { currentVersion: version, title: input.title, updatedAt: new Date() });
      await this.audit.record(manager, actor, {
        action: 'consent_template.version_published',
        entityType: 'consent_template',
        entityId: template.id,
        changes: {
          version: { from: template.currentVersion, to: version },
          requiresReconsent: { to: input.requiresReconsent },
          ...(input.changeNote ? { changeNote: { to: input.changeNote } } : {}),
        },
      });
      return this.detail(manager, actor, template.id);
    });
  }

  async approve(actor: Actor, id: string, input: ApproveConsentTemplateDto): Promise<ConsentTemplateDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.lock(manager, actor, id);
      if (input.version !== template.currentVersion) {
        throw new ConflictError(
          'stale-version',
          `Version ${input.version} is not the current version (${template.currentVersion}); review the current text`,
          { currentVersion: template.currentVersion },
        );
      }
      if (template.approvedVersion === input.version) {
        throw new ConflictError('already-approved', `Version ${input.version} is already approved`);
      }
      const now = new Date();
      await manager.update(
        ConsentTemplate,
        { id: template.id },
        { approvedVersion: input.version, approvedAt: now, approvedBy: actor.staffMemberId, updatedAt: now },
      );
      await this.audit.record(manager, actor, {
        action: 'consent_template.approved',
        entityType: 'consent_template',
        entityId: template.id,
        changes: { approvedVersion: { from: template.approvedVersion, to: input.version } },
      });
      return this.detail(manager, actor, template.id);
    });
  }

  /** The template, or 404 for an unknown id or another organization's. */
  async find(manager: EntityManager, actor: Actor, id: string): Promise<ConsentTemplate> {
    const template = await manager.findOneBy(ConsentTemplate, { id, organizationId: actor.organizationId });
    if (!template) throw new NotFoundError('Consent template', id);
    return template;
  }

  private async lock(manager: EntityManager, actor: Actor, id: string): Promise<ConsentTemplate> {
    const template = await manager.findOne(ConsentTemplate, {
      where: { id, organizationId: actor.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!template) throw new NotFoundError('Consent template', id);
    return template;
  }

  private async insertVersion(
    manager: EntityManager,
    actor: Actor,
    templateId: string,
    version: number,
    input: ConsentTemplateVersionInputDto,
    requiresReconsent: boolean,
    changeNote: string | null,
  ): Promise<void> {
    const acknowledgements: ConsentAcknowledgement[] = input.acknowledgements.map((a, i) => ({
      key: `a${i + 1}`,
      text: a.text,
      required: a.required,
    }));
    await manager.insert(ConsentTemplateVersion, {
      organizationId: actor.organizationId,
      templateId,
      version,
      title: input.title,
      body: input.body,
      acknowledgements,
      validDays: input.validDays,
      requiresReconsent,
      changeNote,
      publishedBy: actor.staffMemberId,
    });
  }

  private async detail(manager: EntityManager, actor: Actor, id: string): Promise<ConsentTemplateDetailDto> {
    const template = await this.find(manager, actor, id);
    const versions = await manager.find(ConsentTemplateVersion, {
      where: { templateId: template.id, organizationId: actor.organizationId },
      order: { version: 'DESC' },
    });
    const names = await staffNames(manager, actor.organizationId, [template.approvedBy, ...versions.map((v) => v.publishedBy)]);
    return {
      ...toTemplateDto(template, versions[0], names),
      versions: versions.map((v) => toVersionDto(v, names)),
    };
  }
}

/** A body may only use known placeholders: a typo would otherwise reach the patient as `{{patientname}}`. */
function checkBody(input: ConsentTemplateVersionInputDto): void {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0) {
    throw new RuleViolationError(
      `The body uses unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}`,
      unknown.map((name) => ({ code: 'unknown-placeholder', field: 'body', placeholder: name, message: `{{${name}}} is not a known placeholder` })),
    );
  }
  if (!input.acknowledgements.some((a) => a.required)) {
    throw new RuleViolationError('At least one acknowledgement must be required', [
      { code: 'no-required-acknowledgement', field: 'acknowledgements', message: 'At least one acknowledgement must be required' },
    ]);
  }
}

function toVersionDto(v: ConsentTemplateVersion, names: Map<string, string>): ConsentTemplateVersionDto {
  return {
    id: v.id,
    version: v.version,
    title: v.title,
    body: v.body,
    acknowledgements: v.acknowledgements,
    validDays: v.validDays,
    requiresReconsent: v.requiresReconsent,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt.toISOString(),
    publishedByName: v.publishedBy ? (names.get(v.publishedBy) ?? null) : null,
  };
}

function toTemplateDto(t: ConsentTemplate, current: ConsentTemplateVersion, names: Map<string, string>): ConsentTemplateDto {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    isDefault: t.isDefault,
    currentVersion: t.currentVersion,
    needsReview: t.approvedVersion !== t.currentVersion,
    approvedVersion: t.approvedVersion,
    approvedAt: t.approvedAt?.toISOString() ?? null,
    approvedByName: t.approvedBy ? (names.get(t.approvedBy) ?? null) : null,
    current: toVersionDto(current, names),
    updatedAt: t.updatedAt.toISOString(),
  };
}
