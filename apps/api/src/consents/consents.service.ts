import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  consentPractitionerDepthMm,
  formatDepthRange,
  isSuperseded,
  missingAcknowledgements,
  renderConsentBody,
  type ConsentPlaceholderValues,
} from '@skinledger/domain';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService, createdFields, type AuditSource } from '../audit/audit.service';
import { AuditVerifyService } from '../audit/audit-verify.service';
import type { Actor, RequestOrigin } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { clinicTimeZone, clinicToday } from '../organizations/clinic-calendar';
import { findPatient } from '../patients/patient-records';
import { CONSENT_CHAIN_ACTIONS, consentChainEntry, trailEntryOf } from './consent-chain';
import { contentHashOf, recordHashOf, verifyConsentRecord } from './consent-hash';
import { treatingPractitioner, type NamedPractitioner } from './consent-practitioner';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { ConsentTemplatesService } from './consent-templates.service';
import { loadViews, statusOf, toConsentDetailDto, toConsentDto, viewFromRow, type ConsentView } from './consent-views';
import { consentDocumentRow, consentViewRow, patientConsentViewRows, type ConsentTrailJson } from './consent-views.queries';
import { ConsentRecord, ConsentTemplateVersion, type ConsentTemplate } from './consent.entities';
import type {
  ConsentDetailDto,
  ConsentDto,
  ConsentVerificationDto,
  CreateConsentDto,
  PatientConsentsQueryDto,
  RevokeConsentDto,
  SignConsentDto,
  WitnessedConsentsDto,
} from './consents.dto';
import { parseSignatureDataUrl } from './signature-image';
import { PasswordConfirmationService } from '../auth/password-confirmation.service';

/** Who signs: the patient on the clinic's kiosk, handed over by a signed-in staff member, or at home through her manage link. */
type ConsentSigner = { channel: 'kiosk'; actor: Actor; witness: boolean } | { channel: 'remote'; source: AuditSource };

/** The drawn signature must be an image, and the patient must agree to sign electronically (domain.md section 6). */
function checkSignatureInput(input: Pick<SignConsentDto, 'signature' | 'electronicSignatureConsent'>): void {
  parseSignatureDataUrl(input.signature);
  if (!input.electronicSignatureConsent) {
    throw new RuleViolationError('The patient must agree to sign electronically (or sign on paper instead)', [
      {
        code: 'electronic-signature-consent-required',
        field: 'electronicSignatureConsent',
        message: 'Agreeing to sign electronically is required; the patient may ask for a paper form instead',
      },
    ]);
  }
}

/** The clinic calendar of a staff member preparing a consent (a prepared-online consent is given its zone). */
async function preparerTimeZone(manager: EntityManager, source: AuditSource): Promise<string> {
  if (!source.staffMemberId) throw new Error('A consent prepared without a staff member must be given the clinic time zone');
  return clinicTimeZone(manager, { organizationId: source.organizationId, staffMemberId: source.staffMemberId, clinicTimeZone: 'clinicTimeZone' in source ? source.clinicTimeZone : undefined });
}

/**
 * Consent records: prepared from a template version (frozen snapshot), signed once on the kiosk, witnessed once by
 * staff, perhaps revoked. Every write locks the record and is audited in its transaction; the database refuses
 * changes to signed content (trigger), so the stored hash keeps proving what was signed.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly templates: ConsentTemplatesService,
    private readonly defaults: ConsentTemplateDefaults,
    private readonly passwords: PasswordConfirmationService,
    private readonly verifier: AuditVerifyService,
  ) {}

  async create(actor: Actor, patientId: string, input: CreateConsentDto): Promise<ConsentDetailDto> {
    if (input.depthMinMm != null && input.depthMaxMm != null && input.depthMinMm > input.depthMaxMm) {
      throw new InvalidFieldError('depthMaxMm', 'must not be less than depthMinMm');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.defaults.ensure(manager, actor.organizationId);
      const patient = await findPatient(manager, actor, patientId);
      if (patient.archivedAt) throw new ConflictError('patient-archived', 'The patient is archived: restore the record before preparing a consent');
      const template = await this.templates.find(manager, actor, input.templateId).catch(() => {
        throw new InvalidFieldError('templateId', 'is not a consent template of this organization');
      });
      // Prepared outside an appointment: the practitioner must be able to treat today, to the consent's depth.
      const practitioner = await treatingPractitioner(
        manager,
        actor.organizationId,
        input.practitionerId ?? actor.staffMemberId,
        await clinicToday(manager, actor),
        consentPractitionerDepthMm(template.kind, input.depthMaxMm),
        'practitionerId',
      );
      const id = await this.prepareRecord(manager, actor, {
        patient,
        template,
        procedure: input.procedure,
        depthMinMm: input.depthMinMm,
        depthMaxMm: input.depthMaxMm,
        practitioner,
        appointmentId: null,
      });
      return toConsentDetailDto(await this.view(manager, actor, id), new Date());
    });
  }

  /**
   * Inserts a pending consent: the template's current version rendered with the patient, procedure, depth and the
   * treating practitioner (checked by the caller), frozen, and audited in the caller's transaction. Returns its id.
   */
  async prepareRecord(
    manager: EntityManager,
    actor: AuditSource,
    input: {
      patient: { id: string; firstName: string; lastName: string; dateOfBirth: string };
      template: Pick<ConsentTemplate, 'id' | 'kind' | 'currentVersion'>;
      procedure?: string;
      depthMinMm?: number;
      depthMaxMm?: number;
      practitioner: NamedPractitioner;
      appointmentId: string | null;
      /** The clinic calendar's zone; given when nobody on the staff prepares it (an online booking's confirmation). */
      timeZone?: string;
    },
  ): Promise<string> {
    const { patient, template, practitioner } = input;
    const version = await manager.findOneByOrFail(ConsentTemplateVersion, { templateId: template.id, version: template.currentVersion });
    const values: ConsentPlaceholderValues = {
      patientName: `${patient.firstName} ${patient.lastName}`,
      dateOfBirth: patient.dateOfBirth,
      procedure: input.procedure ?? version.title.replace(/^Consent to\s+/i, '').replace(/^./, (c) => c.toUpperCase()),
      depthRange: formatDepthRange(input.depthMinMm ?? null, input.depthMaxMm ?? null),
      practitioner: practitioner.name,
    };
    const preparedFrom = {
      patientId: patient.id,
      templateId: template.id,
      templateVersion: version.version,
      kind: template.kind,
      practitionerId: practitioner.id,
      appointmentId: input.appointmentId,
    };
    const { identifiers } = await manager.insert(ConsentRecord, {
      ...preparedFrom,
      organizationId: actor.organizationId,
      templateVersionId: version.id,
      title: version.title,
      body: renderConsentBody(version.body, values),
      acknowledgements: version.acknowledgements,
      placeholderValues: values,
      validDays: version.validDays,
      timeZone: input.timeZone ?? (await preparerTimeZone(manager, actor)),
      createdBy: actor.staffMemberId,
    });
    const id = (identifiers[0] as { id: string }).id;
    await this.audit.record(manager, actor, {
      action: 'consent.created',
      entityType: 'consent',
      entityId: id,
      changes: {
        ...createdFields(preparedFrom, ['patientId', 'templateId', 'templateVersion', 'kind', 'practitionerId', 'appointmentId']),
        practitionerName: { to: practitioner.name },
      },
    });
    return id;
  }

  async listForPatient(actor: Actor, patientId: string, query: PatientConsentsQueryDto): Promise<ConsentDto[]> {
    return this.dataSource.transaction(async (manager) => {
      // One statement: the patient's existence, the records and what their status and names need.
      const rows = await patientConsentViewRows(manager, actor.organizationId, patientId, query.kind ?? null);
      if (!rows) throw new NotFoundError('Patient', patientId);
      const now = new Date();
      const views = rows.map((row) => viewFromRow(manager, row));
      const consents = views
        .filter((v) => query.valid === undefined || (statusOf(v, now) === 'valid') === query.valid)
        .map((v) => toConsentDto(v, now));
      await this.audit.recordPatientRead(manager, actor, patientId, 'consents.listed', { consentIds: { to: consents.map((c) => c.id) } });
      return consents;
    });
  }

  async get(actor: Actor, id: string): Promise<ConsentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.view(manager, actor, id);
      await this.audit.record(manager, actor, { action: 'consent.viewed', entityType: 'consent', entityId: id });
      return toConsentDetailDto(view, new Date());
    });
  }

  async sign(actor: Actor, origin: RequestOrigin, id: string, input: SignConsentDto): Promise<ConsentDetailDto> {
    checkSignatureInput(input);
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lock(manager, actor, id);
      await this.signLocked(manager, { channel: 'kiosk', actor, witness: input.witness === true }, origin, record, input);
      return toConsentDetailDto(await this.view(manager, actor, id), new Date());
    });
  }

  /**
   * Signed remotely by the patient through her manage link (issue 16), in the caller's transaction (the link's
   * resolver set the tenant): the same checks, hash, immutability and `consent.signed` event as on the kiosk, with no
   * staff member handing over (signed_remotely; signed_via_staff null), the IP and user agent of her device, and the
   * public channel as the audit source. Only a consent prepared for this patient's appointment: any other id is 404.
   * A form that asks for a witness is witnessed by staff at check-in (witness / witnessAll accept it).
   */
  async signRemotely(
    manager: EntityManager,
    source: AuditSource & { staffMemberId: null },
    scope: { patientId: string; appointmentId: string },
    id: string,
    input: Omit<SignConsentDto, 'witness'>,
  ): Promise<ConsentRecord> {
    checkSignatureInput(input);
    const record = await manager.findOne(ConsentRecord, {
      where: { id, organizationId: source.organizationId, patientId: scope.patientId, appointmentId: scope.appointmentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!record) throw new NotFoundError('Consent', id);
    await this.signLocked(manager, { channel: 'remote', source }, source, record, input);
    return manager.findOneByOrFail(ConsentRecord, { id: record.id, organizationId: source.organizationId });
  }

  /**
   * The one signing step of the kiosk and of the manage link, on a record the caller locked: refuses a revoked,
   * signed, practitioner-less or superseded consent and unknown or missing acknowledgements, then stores the signature
   * with the device (IP, user agent) and the SHA-256 of the exact signed content, conditional on still being unsigned,
   * and audits it; on the kiosk the signed-in staff member may witness in the same step.
   */
  private async signLocked(manager: EntityManager, signer: ConsentSigner, origin: RequestOrigin, record: ConsentRecord, input: Omit<SignConsentDto, 'witness'>): Promise<void> {
    const source: AuditSource = signer.channel === 'kiosk' ? signer.actor : signer.source;
    if (record.revokedAt) throw new ConflictError('consent-revoked', 'This consent was revoked; prepare a new one');
    if (record.signedAt) throw new ConflictError('already-signed', 'This consent is already signed');
    if (!record.practitionerId) {
      throw new ConflictError(
        'practitioner-not-recorded',
        'This consent was prepared before SkinLedger recorded the treating practitioner; void it and prepare it again, naming the practitioner',
      );
    }
    const [view] = await loadViews(manager, source.organizationId, [record]);
    if (isSuperseded(record.templateVersion, view.reconsentVersions)) {
      throw new ConflictError('consent-superseded', 'The template has a newer version that requires re-consent; prepare a new consent');
    }
    const ticked = [...new Set(input.acknowledgements)];
    const unknown = ticked.filter((key) => !record.acknowledgements.some((a) => a.key === key));
    if (unknown.length) throw new InvalidFieldError('acknowledgements', `unknown acknowledgement keys: ${unknown.join(', ')}`);
    const missing = missingAcknowledgements(record.acknowledgements, ticked);
    if (missing.length) {
      throw new RuleViolationError(
        `Every required acknowledgement must be ticked: ${missing.map((m) => m.key).join(', ')} not ticked`,
        missing.map((m) => ({ code: 'acknowledgement-not-ticked', field: 'acknowledgements', key: m.key, text: m.text, message: `Not ticked: ${m.text}` })),
      );
    }
    const signedAt = new Date();
    const signed: Partial<ConsentRecord> = {
      signedAt,
      signerName: input.signerName,
      acceptedAcknowledgements: ticked,
      electronicSignatureConsent: true,
      signature: input.signature,
      signerIp: origin.ip,
      signerUserAgent: (origin.userAgent ?? 'unknown').slice(0, 1000),
      signedViaStaff: signer.channel === 'kiosk' ? signer.actor.staffMemberId : null,
      signedRemotely: signer.channel === 'remote',
    };
    Object.assign(record, signed);
    const contentHash = contentHashOf(record);
    record.contentHash = contentHash;
    signed.contentHash = contentHash;
    const witness = signer.channel === 'kiosk' && signer.witness ? this.witnessFields(contentHash, signer.actor, signedAt) : null;
    if (witness) Object.assign(signed, witness);
    // Conditional on still being unsigned: with the row lock above this never misses, but it keeps the rule local.
    const result = await manager.update(ConsentRecord, { id: record.id, organizationId: source.organizationId, signedAt: IsNull() }, signed);
    if (result.affected !== 1) throw new ConflictError('already-signed', 'This consent is already signed');
    await this.audit.record(manager, source, {
      action: 'consent.signed',
      entityType: 'consent',
      entityId: record.id,
      changes: {
        signerName: { to: input.signerName },
        acknowledgements: { to: ticked },
        templateVersion: { to: record.templateVersion },
        contentHash: { to: contentHash },
        userAgent: { to: signed.signerUserAgent },
        ...(signer.channel === 'remote' ? { signedRemotely: { to: true } } : {}),
      },
    });
    if (witness && signer.channel === 'kiosk') await this.auditWitness(manager, signer.actor, record.id, witness.recordHash);
  }

  async witness(actor: Actor, id: string, password: string): Promise<ConsentDetailDto> {
    await this.passwords.confirm(actor, password);
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lock(manager, actor, id);
      const contentHash = record.contentHash;
      if (!record.signedAt || !contentHash) throw new ConflictError('not-signed', 'The patient has not signed this consent yet');
      if (record.revokedAt) throw new ConflictError('consent-revoked', 'This consent was revoked');
      if (record.witnessedAt) throw new ConflictError('already-witnessed', `This consent was already witnessed by ${record.witnessName}`);
      const fields = this.witnessFields(contentHash, actor, new Date());
      await manager.update(ConsentRecord, { id: record.id }, fields);
      await this.auditWitness(manager, actor, record.id, fields.recordHash);
      return toConsentDetailDto(await this.view(manager, actor, id), new Date());
    });
  }

  /**
   * One witness step for a kiosk session of several forms: the password is checked once (one throttle count when
   * wrong), then every consent is locked and witnessed in one transaction, each audited; if any cannot be witnessed
   * (unknown, not signed, revoked, already witnessed, another patient's), none is.
   */
  async witnessAll(actor: Actor, ids: readonly string[], password: string): Promise<WitnessedConsentsDto> {
    await this.passwords.confirm(actor, password);
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two overlapping witness steps cannot deadlock.
      const records = await manager.find(ConsentRecord, {
        where: { id: In([...ids]), organizationId: actor.organizationId },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const unknown = ids.find((id) => !records.some((r) => r.id === id));
      if (unknown) throw new NotFoundError('Consent', unknown);
      if (new Set(records.map((r) => r.patientId)).size > 1) {
        throw new InvalidFieldError('consentIds', "must all be the same patient's consents: one witness step is for one patient's signing session");
      }
      for (const record of records) {
        if (!record.signedAt || !record.contentHash) throw new ConflictError('not-signed', `The patient has not signed “${record.title}” yet`);
        if (record.revokedAt) throw new ConflictError('consent-revoked', `“${record.title}” was revoked`);
        if (record.witnessedAt) throw new ConflictError('already-witnessed', `“${record.title}” was already witnessed by ${record.witnessName}`);
      }
      const at = new Date();
      for (const record of records) {
        const fields = this.witnessFields(record.contentHash as string, actor, at);
        await manager.update(ConsentRecord, { id: record.id, organizationId: actor.organizationId }, fields);
        await this.auditWitness(manager, actor, record.id, fields.recordHash);
      }
      const views = await loadViews(manager, actor.organizationId, await manager.findBy(ConsentRecord, { id: In([...ids]), organizationId: actor.organizationId }));
      const now = new Date();
      return { consents: ids.map((id) => toConsentDetailDto(views.find((v) => v.record.id === id) as ConsentView, now)) };
    });
  }

  async revoke(actor: Actor, id: string, input: RevokeConsentDto): Promise<ConsentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lock(manager, actor, id);
      if (record.revokedAt) throw new ConflictError('already-revoked', 'This consent is already revoked');
      await manager.update(ConsentRecord, { id: record.id }, { revokedAt: new Date(), revokedBy: actor.staffMemberId, revocationReason: input.reason });
      await this.audit.record(manager, actor, {
        action: 'consent.revoked',
        entityType: 'consent',
        entityId: record.id,
        changes: { reason: { to: input.reason }, wasSigned: { to: record.signedAt !== null } },
      });
      return toConsentDetailDto(await this.view(manager, actor, id), new Date());
    });
  }

  /** Staff take the tablet back from the kiosk: their password, then an audited exit. */
  async closeKiosk(actor: Actor, id: string, password: string): Promise<void> {
    await this.passwords.confirm(actor, password);
    await this.dataSource.transaction(async (manager) => {
      await this.view(manager, actor, id);
      await this.audit.record(manager, actor, { action: 'consent.kiosk_closed', entityType: 'consent', entityId: id });
    });
  }

  async verify(actor: Actor, id: string): Promise<ConsentVerificationDto> {
    return this.dataSource.transaction(async (manager) => {
      // One statement: the record, and the signing and witnessing events with their chain evidence.
      const row = await consentDocumentRow(manager, actor.organizationId, id, CONSENT_CHAIN_ACTIONS);
      if (!row) throw new NotFoundError('Consent', id);
      const { record } = viewFromRow(manager, row);
      if (!record.signedAt) throw new ConflictError('not-signed', 'Only a signed consent can be verified');
      const hashes = verifyConsentRecord(record);
      const chainMatches = this.matchesChain(actor.organizationId, record, contentHashOf(record), row.view_trail);
      const result = { ...hashes, intact: hashes.intact && chainMatches !== false, chainMatches };
      await this.audit.record(manager, actor, {
        action: 'consent.verified',
        entityType: 'consent',
        entityId: id,
        changes: { intact: { to: result.intact }, chainMatches: { to: chainMatches } },
      });
      return { ...result, contentHash: record.contentHash, recordHash: record.recordHash, verifiedAt: new Date().toISOString() };
    });
  }

  /**
   * The SHA-256 hashes alone can be recomputed by anyone who can write the table; the audit chain's HMAC cannot. So
   * the hash recomputed from the stored content must equal the one the signing (and witnessing) event carried, and
   * that event must verify in the chain. Null: signed before the chain began (nothing keyed to compare with).
   */
  private matchesChain(organizationId: string, record: ConsentRecord, contentHash: string, events: readonly ConsentTrailJson[]): boolean | null {
    const trail = events.map(trailEntryOf);
    const intact = (eventId: string) => {
      const event = events.find((e) => e.id === eventId);
      return !!event && this.verifier.chainEvidenceIntact(organizationId, event) === true;
    };
    const signed = consentChainEntry(trail, 'consent.signed');
    if (signed && !signed.chained) return null;
    if (!signed || signed.hash !== contentHash || !intact(signed.eventId)) return false;
    if (!record.witnessedAt) return true;
    const witnessed = consentChainEntry(trail, 'consent.witnessed');
    if (witnessed && !witnessed.chained) return null;
    const recordHash = recordHashOf(contentHash, record.witnessedAt, record.witnessedBy ?? '', record.witnessName ?? '');
    return !!witnessed && witnessed.hash === recordHash && intact(witnessed.eventId);
  }

  /** The record with names and supersession, or 404 for an unknown id or another organization's. */
  async view(manager: EntityManager, actor: Actor, id: string): Promise<ConsentView> {
    const row = await consentViewRow(manager, actor.organizationId, id);
    if (!row) throw new NotFoundError('Consent', id);
    return viewFromRow(manager, row);
  }

  private async lock(manager: EntityManager, actor: Actor, id: string): Promise<ConsentRecord> {
    const record = await manager.findOne(ConsentRecord, {
      where: { id, organizationId: actor.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!record) throw new NotFoundError('Consent', id);
    return record;
  }

  private witnessFields(contentHash: string, actor: Actor, at: Date) {
    return {
      witnessedAt: at,
      witnessedBy: actor.staffMemberId,
      witnessName: actor.name,
      recordHash: recordHashOf(contentHash, at, actor.staffMemberId, actor.name),
    };
  }

  private async auditWitness(manager: EntityManager, actor: Actor, id: string, recordHash: string): Promise<void> {
    await this.audit.record(manager, actor, {
      action: 'consent.witnessed',
      entityType: 'consent',
      entityId: id,
      changes: { witnessName: { to: actor.name }, recordHash: { to: recordHash } },
    });
  }
}
