import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consentMissingViolations, consentsNeededAt, instantToLocal, requiredConsentKinds, roleHasPermission, serviceNeedling, type CheckInIssueCode } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/problems/domain-error';
import { EligibilityService } from '../patients/eligibility.service';
import type { CheckInDto, CheckInIssueDto, NextAppointmentConsentsDto } from './appointments.dto';
import { ConsentStatusService } from '../consents/consent-status.service';
import { appointmentConsentFacts, nextAppointmentConsentFacts, type ConsentFactsRow } from './appointments.queries';

/**
 * What is missing before treatment: the consents the treatment needs (the service's and, for needling, the
 * procedure's own: the preflight's rule, libs/domain requiredConsentKinds) that the patient does not validly hold,
 * and — for needling services — the screening of the medical history on the appointment's date (history missing or
 * older than the configured age, contraindications). Roles without clinical_record.read (front desk) see that a
 * clinical review is needed, not which contraindication: least privilege for health information.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly consents: ConsentStatusService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The consents missing for the patient's next appointment (one the patient is checked in for, else the next booked
   * one not yet over), for the patient's consents tab. Reads only consents.
   */
  async nextAppointmentConsents(actor: Actor, patientId: string): Promise<NextAppointmentConsentsDto> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.nextAppointmentConsentsWithin(manager, actor, patientId);
      // Which consents a patient lacks says what treatment is planned: audited like the consents list.
      await this.audit.recordPatientRead(manager, actor, patientId, 'consents.next_appointment_checked', {
        appointmentId: { to: result.appointmentId },
        missingConsents: { to: result.missingConsents },
      });
      return result;
    });
  }

  private async nextAppointmentConsentsWithin(manager: EntityManager, actor: Actor, patientId: string): Promise<NextAppointmentConsentsDto> {
    // One statement: the patient's existence, the next appointment and the patient's signed consents.
    const found = await nextAppointmentConsentFacts(manager, actor.organizationId, patientId);
    if (!found) throw new NotFoundError('Patient', patientId);
    const next = found.next;
    if (!next) return { appointmentId: null, startsAt: null, serviceName: null, timeZone: null, missingConsents: [] };
    const missingConsents = this.missingConsents(next);
    return { appointmentId: next.id, startsAt: next.starts_at.toISOString(), serviceName: next.service_name, timeZone: next.timezone, missingConsents };
  }

  async check(actor: Actor, appointmentId: string): Promise<CheckInDto> {
    const a = await appointmentConsentFacts(this.dataSource.manager, actor.organizationId, appointmentId);
    if (!a) throw new NotFoundError('Appointment', appointmentId);
    const missingConsents = this.missingConsents(a);
    const blockers: CheckInIssueDto[] = consentMissingViolations(missingConsents).map(({ code, message }) => ({ code, message }));
    const warnings: CheckInIssueDto[] = [];
    const clinicalDetail = roleHasPermission(actor.role, 'clinical_record.read');
    const needling = serviceNeedling(a.procedure_kind);
    if (needling) {
      const result = await this.eligibility.check(actor, a.patient_id, needling, instantToLocal(a.starts_at, a.timezone).date);
      const administrative = new Set<CheckInIssueCode>(['history_missing', 'history_stale', 'patient-archived']);
      for (const b of result.blockers) {
        blockers.push(clinicalDetail || administrative.has(b.code) ? { code: b.code, message: b.message } : { code: 'clinical-review', message: 'A contraindication needs the practitioner’s review' });
      }
      for (const w of result.warnings) {
        warnings.push(clinicalDetail || administrative.has(w.code) ? { code: w.code, message: w.message } : { code: 'clinical-review', message: 'A finding in the history needs the practitioner’s review' });
      }
    }
    const dedupe = (list: CheckInIssueDto[]) => list.filter((x, i) => x.code !== 'clinical-review' || list.findIndex((y) => y.code === 'clinical-review') === i);
    return {
      appointmentId,
      ready: blockers.length === 0,
      missingConsents,
      blockers: dedupe(blockers),
      warnings: dedupe(warnings),
      clinicalDetail,
      patientReportedHistory: a.history_source === 'patient',
      remotelySignedConsents: a.remote_consents,
    };
  }

  /**
   * The consents the appointment's treatment needs (domain.md section 6) that the patient will not validly hold at its
   * start, or now once the start has passed (a consent signed at the desk by a patient arriving late counts).
   */
  private missingConsents(a: ConsentFactsRow): string[] {
    const kinds = requiredConsentKinds({ procedure: serviceNeedling(a.procedure_kind), serviceConsentKinds: a.consent_kinds });
    return this.consents.missingAmong(a.signed_consents, kinds, consentsNeededAt(a.starts_at, new Date()));
  }
}
