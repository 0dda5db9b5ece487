import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  isoDateInTimeZone,
  screenPatient,
  type FitzpatrickType,
  type MedicalHistoryAnswers,
  type ProcedureKind,
  type ScreeningSettingsInput,
  type ClinicLocale,
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
 * A row of the published view patient_screening_facts (its columns): what screening a patient needs. Read by
 * eligibility.queries.ts and, in its own statement, by the appointment's preflight (treatments), whose to_json
 * renders the time as ISO text.
 */
export interface PatientScreeningFacts {
  fitzpatrick_type: number | null;
  allergies: PatientAllergy[];
  archived: boolean;
  /** The latest medical history; all three null when none was recorded. */
  history_version: number | null;
  history_answers: MedicalHistoryAnswers | null;
  history_recorded_at: Date | string | null;
  /** The clinic's stored screening overrides (null when never set). */
  screening: ScreeningSettingsInput | null;
  /** Who recorded the latest medical history ('patient': through her manage link); null when none, absent in older readers. */
  history_source?: 'staff' | 'patient' | null;
}

/** What a verdict needs of whoever asks: the clinic, its calendar's zone and the English variant of its messages. */
export interface ScreeningAsker {
  organizationId: string;
  timeZone: string;
  locale?: ClinicLocale;
}

/**
 * Whether a patient may be treated on a date: the domain's screening rules over the latest medical history, the
 * patient's phototype and allergies, and the organization's screening settings, read in one statement
 * (eligibility.queries.ts, over the published view patient_screening_facts). An archived patient cannot be booked, so it
 * is a blocker here too.
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
    return this.judge(manager, actor, patientId, await screeningFacts(manager, actor.organizationId, patientId), procedure, onDate);
  }

  /**
   * The screening verdict over the patient's row of the published view patient_screening_facts, as read by evaluate
   * or by another module within its own statement (issue 15: the appointment's preflight); reads nothing more (the
   * clinic's zone comes with the signed-in actor). Unknown patient (no row): 404.
   */
  async judge(
    manager: EntityManager,
    actor: Actor,
    patientId: string,
    facts: PatientScreeningFacts | null | undefined,
    procedure: ProcedureKind,
    onDate: string,
  ): Promise<EligibilityDto> {
    if (!facts) throw new NotFoundError('Patient', patientId);
    return this.verdict({ organizationId: actor.organizationId, timeZone: await clinicTimeZone(manager, actor), locale: actor.locale }, facts, procedure, onDate);
  }

  /**
   * The screening verdict for the patient's own pre-visit form (issue 16), where nobody is signed in: the same rule
   * over the same published view, the clinic's zone given by the caller (the appointment's location). Not audited:
   * the caller audits. Unknown patient: 404.
   */
  async screenForPatient(manager: EntityManager, asker: ScreeningAsker, patientId: string, procedure: ProcedureKind, onDate: string): Promise<EligibilityDto> {
    const facts = await screeningFacts(manager, asker.organizationId, patientId);
    if (!facts) throw new NotFoundError('Patient', patientId);
    return this.verdict(asker, facts, procedure, onDate);
  }

  private verdict(asker: ScreeningAsker, facts: PatientScreeningFacts, procedure: ProcedureKind, onDate: string): EligibilityDto {
    const timeZone = asker.timeZone;
    // new Date: to_json renders the time as ISO text, the driver as a Date.
    const history =
      facts.history_version === null
        ? null
        : { answers: facts.history_answers as MedicalHistoryAnswers, recordedAt: new Date(facts.history_recorded_at as Date | string) };
    const result = screenPatient({
      answers: history ? withPatientAllergies(history.answers, facts.allergies) : null,
      fitzpatrickType: (facts.fitzpatrick_type ?? undefined) as FitzpatrickType | undefined,
      procedure,
      onDate,
      historyRecordedOn: history ? isoDateInTimeZone(history.recordedAt, timeZone) : undefined,
      settings: facts.screening ?? {},
      locale: asker.locale,
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
      medicalHistoryVersion: facts.history_version,
      medicalHistorySource: facts.history_version === null ? null : (facts.history_source ?? 'staff'),
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
