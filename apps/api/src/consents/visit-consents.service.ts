import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  consentKindLabel,
  consentsNeededAt,
  isoDateInTimeZone,
  isSuperseded,
  MEDICAL_DEPTH_THRESHOLD_MM,
  requiredConsentKinds,
  serviceNeedling,
} from '@skinledger/domain';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { AuditSource } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { findPatient } from '../patients/patient-records';
import { lockVisitConsents, visitAppointment } from './consent-appointments.queries';
import { treatingPractitioner } from './consent-practitioner';
import { ConsentStatusService } from './consent-status.service';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { templatesForKinds } from './consent-templates.queries';
import { ConsentTemplatesService } from './consent-templates.service';
import { loadViews, statusOf, toConsentDetailDto, type ConsentView } from './consent-views';
import { ConsentRecord } from './consent.entities';
import type { VisitConsentsDto } from './consents.dto';
import { ConsentsService } from './consents.service';

/** Appointments whose visit is still to come or under way; a cancelled, missed or finished one gets no consents. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in', 'in_treatment']);
const STATUS_WORDS: Record<string, string> = { cancelled: 'cancelled', no_show: 'marked as a no-show', completed: 'completed' };

/**
 * The consent bundle of one visit (issue 13): everything the appointment's service needs that the patient will not
 * validly hold at its start (libs/domain requiredConsentKinds, ConsentStatusService), each prepared from the clinic's
 * form of that kind, naming the appointment's practitioner (who must be one: libs/domain treatingPractitionerViolation)
 * and the appointment, in one transaction. The appointment is read through scheduling's published view.
 */
@Injectable()
export class VisitConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentsService,
    private readonly status: ConsentStatusService,
    private readonly templates: ConsentTemplatesService,
    private readonly defaults: ConsentTemplateDefaults,
  ) {}

  /**
   * Answers the visit's consents awaiting the patient (pending) or the witness (signed here, not witnessed yet), after
   * preparing the missing ones. Calling again prepares nothing new while those are pending: the same ones come back.
   */
  async prepare(actor: Actor, appointmentId: string): Promise<VisitConsentsDto> {
    return this.dataSource.transaction(async (manager) => {
      const { ids, kinds } = await this.prepareWithin(manager, actor, appointmentId);
      const records = ids.length > 0 ? await manager.findBy(ConsentRecord, { organizationId: actor.organizationId, id: In(ids) }) : [];
      const views = await loadViews(manager, actor.organizationId, records);
      const order = (view: ConsentView) => {
        const index = kinds.indexOf(view.record.kind);
        return index === -1 ? kinds.length : index;
      };
      views.sort((a, b) => order(a) - order(b) || a.record.createdAt.getTime() - b.record.createdAt.getTime());
      return { appointmentId, consents: views.map((v) => toConsentDetailDto(v, new Date())) };
    });
  }

  /**
   * The visit's bundle prepared in the caller's transaction, by a signed-in staff member or, as a patient's online
   * booking is confirmed (issue 16), by the public channel (no staff member: the consent names its appointment and is
   * dated on the appointment location's calendar). Answers the ids of the consents awaiting the patient or the witness,
   * and the kinds the treatment needs, in its order.
   */
  async prepareWithin(manager: EntityManager, source: AuditSource, appointmentId: string): Promise<{ ids: string[]; kinds: string[] }> {
    const organizationId = source.organizationId;
    const appointment = await visitAppointment(manager, organizationId, appointmentId);
    if (!appointment) throw new NotFoundError('Appointment', appointmentId);
    await lockVisitConsents(manager, appointment.id);
    if (!OPEN_STATUSES.has(appointment.status)) {
      throw new ConflictError(
        'appointment-closed',
        `This appointment is ${STATUS_WORDS[appointment.status] ?? appointment.status}: consents are prepared for a visit still to come or under way`,
      );
    }
    await this.defaults.ensure(manager, organizationId);
    const patient = await findPatient(manager, source, appointment.patient_id);
    if (patient.archivedAt) throw new ConflictError('patient-archived', 'The patient is archived: restore the record before preparing consents');
    const needling = serviceNeedling(appointment.service_procedure_kind);
    const practitioner = await treatingPractitioner(
      manager,
      organizationId,
      appointment.practitioner_id,
      isoDateInTimeZone(appointment.starts_at, appointment.timezone),
      needling === 'medical' ? MEDICAL_DEPTH_THRESHOLD_MM : 0,
      'practitionerId',
    );

    const now = new Date();
    const kinds = requiredConsentKinds({ procedure: needling, serviceConsentKinds: appointment.service_consent_kinds });
    const missing = await this.status.missingConsentKinds(manager, organizationId, patient.id, kinds, consentsNeededAt(appointment.starts_at, now));
    const visit = await this.visitRecords(manager, organizationId, appointment.id, practitioner.id);
    const pending = new Map<string, ConsentView>();
    for (const view of visit) {
      const signable = !view.record.signedAt && statusOf(view, now) === 'pending' && !isSuperseded(view.record.templateVersion, view.reconsentVersions);
      if (signable && missing.includes(view.record.kind) && !pending.has(view.record.kind)) pending.set(view.record.kind, view);
    }

    const toPrepare = missing.filter((kind) => !pending.has(kind));
    const templateIds = await templatesForKinds(manager, organizationId, toPrepare);
    const withoutForm = toPrepare.filter((kind) => !templateIds.has(kind));
    if (withoutForm.length > 0) {
      throw new RuleViolationError(
        `The clinic has no consent form for ${withoutForm.map((k) => consentKindLabel(k).toLowerCase()).join(', ')}: add one under Consent forms, then prepare again`,
        withoutForm.map((kind) => ({
          code: 'no-consent-template',
          subject: kind,
          message: `No consent form for ${consentKindLabel(kind).toLowerCase()}: add one under Consent forms`,
        })),
      );
    }
    const ids: string[] = [];
    for (const kind of missing) {
      const existing = pending.get(kind);
      if (existing) {
        ids.push(existing.record.id);
        continue;
      }
      const template = await this.templates.find(manager, source, templateIds.get(kind) as string);
      ids.push(
        await this.consents.prepareRecord(manager, source, {
          patient,
          template,
          procedure: appointment.service_name,
          practitioner,
          appointmentId: appointment.id,
          timeZone: source.staffMemberId ? undefined : appointment.timezone,
        }),
      );
    }
    // Signed for this visit in an earlier kiosk session that was left before the witness step (or signed remotely
    // through the manage link): witnessed with the rest.
    for (const view of visit) {
      if (view.record.signedAt && !view.record.witnessedAt && statusOf(view, now) === 'valid' && !ids.includes(view.record.id)) ids.push(view.record.id);
    }
    return { ids, kinds };
  }

  /** The visit's consents naming this practitioner that are not revoked and not yet witnessed, oldest first. */
  private async visitRecords(manager: EntityManager, organizationId: string, appointmentId: string, practitionerId: string): Promise<ConsentView[]> {
    const records = await manager.find(ConsentRecord, {
      where: { organizationId, appointmentId, practitionerId, revokedAt: IsNull(), witnessedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return loadViews(manager, organizationId, records);
  }
}
