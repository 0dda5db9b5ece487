import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { unknownPlaceholders, type ConsentAcknowledgement } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { ConsentTemplate, ConsentTemplateVersion } from './consent.entities';
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
      // Templates, their current versions and the names on them in one statement (issue 15).
      const { entities, raw } = await manager
        .createQueryBuilder(ConsentTemplate, 't')
        .innerJoinAndMapOne('t.current', ConsentTemplateVersion, 'v', 'v.organization_id = t.organization_id AND v.template_id = t.id AND v.version = t.current_version')
        .leftJoin('staff_directory', 'approver', 'approver.id = t.approved_by')
        .leftJoin('staff_directory', 'publisher', 'publisher.id = v.published_by')
        .addSelect('approver.name', 'approver_name')
        .addSelect('publisher.name', 'publisher_name')
        .where('t.organization_id = :org', { org: actor.organizationId })
        .orderBy('t.kind', 'ASC')
        .addOrderBy('t.title', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .getRawAndEntities<{ approver_name: string | null; publisher_name: string | null }>();
      return (entities as (ConsentTemplate & { current: ConsentTemplateVersion })[]).map((t, i) => {
        const names = new Map<string, string>();
        if (t.approvedBy && raw[i]?.approver_name) names.set(t.approvedBy, raw[i].approver_name);
        if (t.current.publishedBy && raw[i]?.publisher_name) names.set(t.current.publishedBy, raw[i].publisher_name);
        return toTemplateDto(t, t.current, names);
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
  async find(manager: EntityManager, actor: Pick<Actor, 'organizationId'>, id: string): Promise<ConsentTemplate> {
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
    // The template, every version newest first and the names on them in one statement (issue 15).
    const { entities, raw } = await manager
      .createQueryBuilder(ConsentTemplate, 't')
      .innerJoinAndMapMany('t.versions', ConsentTemplateVersion, 'v', 'v.organization_id = t.organization_id AND v.template_id = t.id')
      .leftJoin('staff_directory', 'approver', 'approver.id = t.approved_by')
      .leftJoin('staff_directory', 'publisher', 'publisher.id = v.published_by')
      .addSelect('approver.name', 'approver_name')
      .addSelect('publisher.name', 'publisher_name')
      .where('t.organization_id = :org AND t.id = :id', { org: actor.organizationId, id })
      .orderBy('v.version', 'DESC')
      .getRawAndEntities<{ t_approved_by: string | null; approver_name: string | null; v_published_by: string | null; publisher_name: string | null }>();
    const template = entities[0] as (ConsentTemplate & { versions: ConsentTemplateVersion[] }) | undefined;
    if (!template) throw new NotFoundError('Consent template', id);
    const versions = template.versions;
    const names = new Map<string, string>();
    for (const row of raw) {
      if (row.t_approved_by && row.approver_name) names.set(row.t_approved_by, row.approver_name);
      if (row.v_published_by && row.publisher_name) names.set(row.v_published_by, row.publisher_name);
    }
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
