import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { instantToLocal, roleHasPermission, type CheckInIssueCode } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/problems/domain-error';
import { EligibilityService } from '../patients/eligibility.service';
import type { CheckInDto, CheckInIssueDto, NextAppointmentConsentsDto } from './appointments.dto';
import { findPatient } from '../patients/patient-records';
import { ConsentStatusService } from '../consents/consent-status.service';

/**
 * What is missing before treatment: the service's consents the patient does not validly hold, and — for needling
 * services — the screening of the medical history on the appointment's date (history missing or older than the
 * configured age, contraindications). Roles without clinical_record.read (front desk) see that a clinical review is
 * needed, not which contraindication: least privilege for health information.
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
    await findPatient(manager, actor, patientId);
    const [next]: { id: string; starts_at: Date; name: string; timezone: string; consent_kinds: string[] }[] = await manager.query(
      `SELECT a.id, a.starts_at, s.name, l.timezone, s.consent_kinds
       FROM appointments a JOIN services s ON s.id = a.service_id JOIN locations l ON l.id = a.location_id
       WHERE a.organization_id = $1 AND a.patient_id = $2
         AND (a.status = 'checked_in' OR (a.status IN ('booked', 'confirmed') AND a.occupied_until >= now()))
       ORDER BY a.starts_at LIMIT 1`,
      [actor.organizationId, patientId],
    );
    if (!next) return { appointmentId: null, startsAt: null, serviceName: null, timeZone: null, missingConsents: [] };
    const missingConsents = await this.consents.missingConsentKinds(manager, actor.organizationId, patientId, next.consent_kinds, next.starts_at);
    return { appointmentId: next.id, startsAt: next.starts_at.toISOString(), serviceName: next.name, timeZone: next.timezone, missingConsents };
  }

  async check(actor: Actor, appointmentId: string): Promise<CheckInDto> {
    const [a] = await this.dataSource.query(
      `SELECT a.patient_id, a.starts_at, l.timezone, s.consent_kinds, s.procedure_kind
       FROM appointments a JOIN services s ON s.id = a.service_id JOIN locations l ON l.id = a.location_id
       WHERE a.organization_id = $1 AND a.id = $2`,
      [actor.organizationId, appointmentId],
    );
    if (!a) throw new NotFoundError('Appointment', appointmentId);
    const missingConsents = await this.consents.missingConsentKinds(this.dataSource.manager, actor.organizationId, a.patient_id, a.consent_kinds, a.starts_at);
    const blockers: CheckInIssueDto[] = missingConsents.map((kind) => ({ code: 'consent-missing', message: `No valid ${kind.replace(/_/g, ' ')} consent on file` }));
    const warnings: CheckInIssueDto[] = [];
    const clinicalDetail = roleHasPermission(actor.role, 'clinical_record.read');
    if (a.procedure_kind === 'medical_needling' || a.procedure_kind === 'cosmetic_needling') {
      const result = await this.eligibility.check(actor, a.patient_id, a.procedure_kind === 'medical_needling' ? 'medical' : 'cosmetic', instantToLocal(a.starts_at, a.timezone).date);
      const administrative = new Set<CheckInIssueCode>(['history_missing', 'history_stale', 'patient-archived']);
      for (const b of result.blockers) {
        blockers.push(clinicalDetail || administrative.has(b.code) ? { code: b.code, message: b.message } : { code: 'clinical-review', message: 'A contraindication needs the practitioner’s review' });
      }
      for (const w of result.warnings) {
        warnings.push(clinicalDetail || administrative.has(w.code) ? { code: w.code, message: w.message } : { code: 'clinical-review', message: 'A finding in the history needs the practitioner’s review' });
      }
    }
    const dedupe = (list: CheckInIssueDto[]) => list.filter((x, i) => x.code !== 'clinical-review' || list.findIndex((y) => y.code === 'clinical-review') === i);
    return { appointmentId, ready: blockers.length === 0, missingConsents, blockers: dedupe(blockers), warnings: dedupe(warnings), clinicalDetail };
  }
}
