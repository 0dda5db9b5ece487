import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  isoDateInTimeZone,
  screenPatient,
  type FitzpatrickType,
  type MedicalHistoryAnswers,
  type ProcedureKind,
} from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { clinicTimeZone } from '../organizations/clinic-calendar';
import type { EligibilityBlockerDto, EligibilityDto } from './eligibility.dto';
import type { PatientAllergy } from './patient.entity';
import { screeningFacts } from './eligibility.queries';

/**
 * Whether a patient may be treated on a date: the domain's screening rules over the latest medical history, the
 * patient's phototype and allergies, and the organization's screening settings, read in one statement
 * (eligibility.queries.ts). An archived patient cannot be booked, so it is a blocker here too.
 */
@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async check(actor: Actor, patientId: string, procedure: ProcedureKind, on?: string): Promise<EligibilityDto> {
    return this.dataSource.transaction(async (manager) => {
      const onDate = on ?? isoDateInTimeZone(new Date(), await clinicTimeZone(manager, actor));
      const eligibility = await this.evaluate(manager, actor, patientId, procedure, onDate);
      await this.audit.record(manager, actor, {
        action: 'patient.eligibility_checked',
        entityType: 'patient',
        entityId: patientId,
        changes: { procedure: { to: procedure }, on: { to: onDate }, eligible: { to: eligibility.eligible } },
      });
      return eligibility;
    });
  }

  /** The screening verdict inside the caller's transaction, without auditing (the treatment preflight records its own). */
  async evaluate(manager: EntityManager, actor: Actor, patientId: string, procedure: ProcedureKind, onDate: string): Promise<EligibilityDto> {
    const facts = await screeningFacts(manager, actor.organizationId, patientId);
    if (!facts) throw new NotFoundError('Patient', patientId);
    const timeZone = await clinicTimeZone(manager, actor);
    const history = facts.history;
    const result = screenPatient({
      answers: history ? withPatientAllergies(history.answers, facts.allergies) : null,
      fitzpatrickType: (facts.fitzpatrickType ?? undefined) as FitzpatrickType | undefined,
      procedure,
      onDate,
      historyRecordedOn: history ? isoDateInTimeZone(history.recordedAt, timeZone) : undefined,
      settings: facts.settings,
      locale: actor.locale,
    });

    const blockers: EligibilityBlockerDto[] = result.blockers.map((b) => (b.eligibleFrom ? { ...b, until: addDays(b.eligibleFrom, -1) } : b));
    let eligibleFrom = result.eligibleFrom;
    if (facts.archived) {
      blockers.unshift({ code: 'patient-archived', message: 'The patient is archived: restore the record before booking or treatment' });
      eligibleFrom = undefined;
    }
    return {
      eligible: blockers.length === 0,
      procedure,
      on: onDate,
      blockers,
      warnings: result.warnings,
      ...(eligibleFrom ? { eligibleFrom } : {}),
      medicalHistoryVersion: history?.version ?? null,
    };
  }
}

/**
 * Allergies recorded on the patient count as much as those in the questionnaire: a nickel allergy entered on the
 * demographics still blocks needling.
 */
function withPatientAllergies(answers: MedicalHistoryAnswers, allergies: readonly PatientAllergy[]): MedicalHistoryAnswers {
  const known = new Set((answers.allergies ?? []).map((a) => a.substance.toLowerCase()));
  return { ...answers, allergies: [...(answers.allergies ?? []), ...allergies.filter((a) => !known.has(a.substance.toLowerCase()))] };
}
