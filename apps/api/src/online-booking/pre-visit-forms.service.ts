import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isoDateInTimeZone, MEDICAL_HISTORY_FIELDS, preVisitAdvice, serviceNeedling, type ConsentKind } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditSource } from '../audit/audit.service';
import type { RequestOrigin } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { PreVisitConsentsService } from '../consents/pre-visit-consents.service';
import { EligibilityService } from '../patients/eligibility.service';
import type { MedicalHistoryAnswersDto } from '../patients/medical-history.dto';
import { MedicalHistoryService } from '../patients/medical-history.service';
import { PatientsService } from '../patients/patients.service';
import { manageKeyHash } from './manage-link';
import { ManageLinkLimiter } from './manage-link-limiter';
import { formsAppointment, formsPage, resolveManageLink, type FormsAppointmentRow } from './online-booking-holds.queries';
import type { PreVisitFormsDto, PreVisitHistoryRecordedDto, PreVisitSignedConsentDto, SignPreVisitConsentDto } from './pre-visit-forms.dto';

/** Visits still to come or at the desk: a cancelled, missed or finished appointment has no forms to fill in. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in']);

/** The source of every event through the link: the patient, via the public channel (no staff member), her IP and device. */
type PublicSource = AuditSource & { staffMemberId: null };

interface Visit {
  source: PublicSource;
  appointment: FormsAppointmentRow;
}

/**
 * Pre-visit forms through the manage link (issue 16): the medical-history questionnaire of the staff form (libs/domain
 * MEDICAL_HISTORY_FIELDS and the same DTO and rules), screened at once on the appointment's date, and the visit's
 * consents, signed remotely with the kiosk's own signing step after her date of birth is checked. The link's key
 * resolves through the SECURITY DEFINER resolver, which sets the tenant; every read and write is of her own record and
 * this visit only, and each is audited with the patient (public channel) as the source. Patients and consents own
 * their tables: this module calls their services.
 */
@Injectable()
export class PreVisitFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limiter: ManageLinkLimiter,
    private readonly histories: MedicalHistoryService,
    private readonly eligibility: EligibilityService,
    private readonly patients: PatientsService,
    private readonly consents: PreVisitConsentsService,
  ) {}

  /**
   * The questionnaire with the answers she last gave through this form (never a staff-recorded version, which may
   * hold the clinic's notes), and the visit's consents. Audited: it shows her health information.
   */
  async forms(key: string, origin: RequestOrigin): Promise<PreVisitFormsDto> {
    return this.dataSource.transaction(async (manager) => {
      // Two reads: the key's resolution (which sets the tenant), then the appointment, history and consents at once.
      const link = await resolveManageLink(manager, manageKeyHash(key));
      const page = link && (await formsPage(manager, link.organization_id, link.appointment_id));
      if (!link || !page) throw new NotFoundError('Appointment');
      refuseClosed(page);
      const source: PublicSource = { ...origin, organizationId: link.organization_id, staffMemberId: null };
      // Only what she entered herself comes back to her: a staff-recorded version may hold the clinic's notes.
      const hers = page.history_version !== null && page.history_source === 'patient';
      await this.audit.record(manager, source, {
        action: 'online_booking.forms_viewed',
        entityType: 'appointment',
        entityId: page.id,
        changes: { consentIds: { to: page.consents.map((c) => c.id) }, medicalHistoryVersion: { to: hers ? page.history_version : null } },
      });
      return {
        appointmentId: page.id,
        medicalHistory: {
          questions: MEDICAL_HISTORY_FIELDS.map((q) => ({ field: q.field, label: q.label, section: q.section, input: q.input, ...(q.help ? { help: q.help } : {}) })),
          yourLastAnswers: hers
            ? {
                version: page.history_version as number,
                recordedAt: new Date(page.history_recorded_at as Date).toISOString(),
                answers: page.history_answers as unknown as MedicalHistoryAnswersDto,
              }
            : null,
          onFile: page.history_version !== null,
        },
        consents: page.consents.map((c) => ({
          id: c.id,
          kind: c.kind as ConsentKind,
          title: c.title,
          body: c.body,
          acknowledgements: c.acknowledgements,
          practitionerName: c.practitionerName,
          signed: c.signedAt !== null,
          signedAt: c.signedAt === null ? null : new Date(c.signedAt).toISOString(),
          signedRemotely: c.signedRemotely,
          witnessRequired: c.witnessRequired,
          witnessed: c.witnessedAt !== null,
        })),
      };
    });
  }

  /**
   * A new version of her medical history, source 'patient', then screened at once on the appointment's date for a
   * needling service (domain.md section 4). When the treatment must wait, she is told plainly (libs/domain
   * preVisitAdvice) and the clinic is told: an `online_booking.screening_flagged` event, and check-in shows the
   * contraindication with "patient-reported history to review".
   */
  async recordHistory(key: string, input: MedicalHistoryAnswersDto, origin: RequestOrigin, now = Date.now()): Promise<PreVisitHistoryRecordedDto> {
    this.limiter.take(manageKeyHash(key).toString('hex'), now);
    return this.dataSource.transaction(async (manager) => {
      const { source, appointment } = await this.resolve(manager, key, origin);
      const version = await this.histories.recordFromPatient(manager, source, appointment.patient_id, input, appointment.timezone);
      const recorded = { version: version.version, recordedAt: version.recordedAt.toISOString(), source: 'patient' as const };
      const needling = serviceNeedling(appointment.service_procedure_kind);
      const treatmentOn = isoDateInTimeZone(appointment.starts_at, appointment.timezone);
      if (!needling) {
        const advice = preVisitAdvice({ blockers: [] }, treatmentOn);
        return { ...recorded, treatmentMustWait: false, message: advice.message };
      }
      const verdict = await this.eligibility.screenForPatient(
        manager,
        { organizationId: source.organizationId, timeZone: appointment.timezone },
        appointment.patient_id,
        needling,
        treatmentOn,
      );
      const advice = preVisitAdvice(verdict, treatmentOn);
      if (advice.code === 'must-wait') {
        await this.audit.record(manager, source, {
          action: 'online_booking.screening_flagged',
          entityType: 'appointment',
          entityId: appointment.id,
          changes: {
            patientId: { to: appointment.patient_id },
            medicalHistoryVersion: { to: version.version },
            blockers: { to: verdict.blockers.map((b) => b.code) },
            ...(advice.eligibleFrom ? { eligibleFrom: { to: advice.eligibleFrom } } : {}),
          },
        });
      }
      return { ...recorded, treatmentMustWait: advice.code === 'must-wait', message: advice.message, ...(advice.eligibleFrom ? { eligibleFrom: advice.eligibleFrom } : {}) };
    });
  }

  /**
   * Signs one of the visit's consents remotely. Her date of birth is checked against her record first: a wrong one is
   * refused (400, naming the field), audited, and counted with every other action of the link by its limiter.
   */
  async sign(key: string, consentId: string, input: SignPreVisitConsentDto, origin: RequestOrigin, now = Date.now()): Promise<PreVisitSignedConsentDto> {
    this.limiter.take(manageKeyHash(key).toString('hex'), now);
    const outcome = await this.dataSource.transaction(async (manager): Promise<{ signed: PreVisitSignedConsentDto } | { refuse: Error }> => {
      const { source, appointment } = await this.resolve(manager, key, origin);
      if (!(await this.patients.dateOfBirthMatches(manager, source.organizationId, appointment.patient_id, input.dateOfBirth))) {
        // Kept (the answer is an error, so the event is written before it and the transaction commits).
        await this.audit.record(manager, source, { action: 'online_booking.identity_check_failed', entityType: 'appointment', entityId: appointment.id });
        return { refuse: new InvalidFieldError('dateOfBirth', 'does not match the date of birth the clinic has for you; check it, or call the clinic') };
      }
      const { dateOfBirth: _checked, ...signature } = input;
      const record = await this.consents.signRemotely(manager, source, { patientId: appointment.patient_id, appointmentId: appointment.id }, consentId, signature);
      const [form] = (await this.consents.ofVisit(manager, source.organizationId, appointment.patient_id, appointment.id)).filter((c) => c.id === record.id);
      return {
        signed: {
          id: record.id,
          title: record.title,
          signedAt: (record.signedAt as Date).toISOString(),
          signedRemotely: record.signedRemotely,
          contentHash: record.contentHash as string,
          witnessRequired: form?.witnessRequired ?? true,
        },
      };
    });
    if ('refuse' in outcome) throw outcome.refuse;
    return outcome.signed;
  }

  /**
   * Unknown, ended and malformed keys answer alike (404, nothing more); a cancelled, missed or finished appointment
   * has no forms (409, plainly). The appointment is locked for a change, so two submissions take turns.
   */
  private async resolve(manager: EntityManager, key: string, origin: RequestOrigin): Promise<Visit> {
    const link = await resolveManageLink(manager, manageKeyHash(key));
    const appointment = link && (await formsAppointment(manager, link.organization_id, link.appointment_id));
    if (!link || !appointment) throw new NotFoundError('Appointment');
    refuseClosed(appointment);
    return { source: { ...origin, organizationId: link.organization_id, staffMemberId: null }, appointment };
  }
}

/** A cancelled, missed or finished appointment has no forms to fill in: said plainly (409). */
function refuseClosed(appointment: { status: string }): void {
  if (OPEN_STATUSES.has(appointment.status)) return;
  throw new ConflictError('appointment-closed', `This appointment is ${appointment.status.replace('_', ' ')}: there are no forms to fill in for it. Call the clinic if this is not right.`, {
    appointmentStatus: appointment.status,
  });
}
