import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exposureDatesInTheFuture, isoDateInTimeZone, MEDICAL_HISTORY_FIELDS, readable, type MedicalHistoryAnswers } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditSource } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { DomainError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { clinicTimeZone } from '../organizations/clinic-calendar';
import { MedicalHistoryVersion } from './medical-history-version.entity';
import { historyOfKnownPatient, nextHistoryVersion } from './medical-history.queries';
import type { MedicalHistoryAnswersDto, MedicalHistoryDto, MedicalHistoryVersionDto, MedicalHistoryVersionSummaryDto } from './medical-history.dto';
import { findPatient, normalizeAllergies } from './patient-records';

/** A stored version with the name of who recorded it. */
export type RecordedHistory = MedicalHistoryVersion & { recordedByName: string };

/**
 * Medical-history versions: each PUT records a new version; earlier versions stay as they were (the database
 * refuses UPDATE and DELETE on them). Every read is audited.
 */
@Injectable()
export class MedicalHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, patientId: string, input: MedicalHistoryAnswersDto): Promise<MedicalHistoryVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      // The patient row lock makes concurrent recordings take consecutive version numbers.
      const patient = await findPatient(manager, actor, patientId, true);
      if (patient.archivedAt) {
        throw new RuleViolationError('The patient is archived', [
          { code: 'patient-archived', message: 'Restore the patient before recording a new medical history' },
        ]);
      }
      const recordedOn = isoDateInTimeZone(new Date(), await clinicTimeZone(manager, actor));
      const future = exposureDatesInTheFuture(toStoredAnswers(input), recordedOn);
      if (future.length > 0) {
        throw new DomainError(400, 'validation', 'Invalid request', `Invalid fields: ${future.join(', ')}`, {
          errors: future.map((field) => ({ field, message: `${field} is after today (${readable(actor.locale).date(recordedOn)}); an exposure cannot be in the future` })),
        });
      }
      const next = await nextHistoryVersion(manager, actor.organizationId, patientId);
      const saved = await manager.save(
        manager.create(MedicalHistoryVersion, {
          organizationId: actor.organizationId,
          patientId,
          version: next,
          answers: toStoredAnswers(input),
          recordedBy: actor.staffMemberId,
          source: 'staff',
        }),
      );
      const version = await manager.findOneByOrFail(MedicalHistoryVersion, { id: saved.id });
      await this.audit.record(manager, actor, {
        action: 'patient.medical_history_recorded',
        entityType: 'patient',
        entityId: patientId,
        changes: { medicalHistoryVersion: { to: version.version } },
      });
      return toVersionDto({ ...version, recordedByName: actor.name });
    });
  }

  /**
   * A version the patient filled in herself through her manage link (issue 16): source 'patient', recorded by nobody
   * on the staff, in the caller's transaction (the link's resolver set the tenant), audited with the public channel as
   * the source. The same answers and rules as the staff form (MedicalHistoryAnswersDto, exposure dates not after
   * today on the clinic's calendar `timeZone`). Answers the stored version.
   */
  async recordFromPatient(manager: EntityManager, source: AuditSource, patientId: string, input: MedicalHistoryAnswersDto, timeZone: string): Promise<MedicalHistoryVersion> {
    // The patient row lock makes concurrent recordings take consecutive version numbers.
    const patient = await findPatient(manager, source, patientId, true);
    // An archived record's link shows nothing more than an unknown one.
    if (patient.archivedAt) throw new NotFoundError('Appointment');
    const answers = toStoredAnswers(input);
    const recordedOn = isoDateInTimeZone(new Date(), timeZone);
    const future = exposureDatesInTheFuture(answers, recordedOn);
    if (future.length > 0) {
      throw new DomainError(400, 'validation', 'Invalid request', `Invalid fields: ${future.join(', ')}`, {
        errors: future.map((field) => ({ field, message: `${field} is after today (${recordedOn}); a date of the past is asked` })),
      });
    }
    const next = await nextHistoryVersion(manager, source.organizationId, patientId);
    const { identifiers } = await manager.insert(MedicalHistoryVersion, {
      organizationId: source.organizationId,
      patientId,
      version: next,
      answers,
      recordedBy: null,
      source: 'patient',
    });
    const version = await manager.findOneByOrFail(MedicalHistoryVersion, { id: (identifiers[0] as { id: string }).id });
    await this.audit.record(manager, source, {
      action: 'patient.medical_history_recorded',
      entityType: 'patient',
      entityId: patientId,
      changes: { medicalHistoryVersion: { to: version.version }, source: { to: 'patient' } },
    });
    return version;
  }

  /** The newest version's answers, for the patient's own pre-visit form (not audited here: the caller audits). */
  async currentAnswers(manager: EntityManager, organizationId: string, patientId: string): Promise<{ version: number; recordedAt: Date; source: 'staff' | 'patient'; answers: MedicalHistoryAnswers } | null> {
    const latest = await this.latest(manager, organizationId, patientId);
    return latest && { version: latest.version, recordedAt: latest.recordedAt, source: latest.source, answers: latest.answers };
  }

  async get(actor: Actor, patientId: string): Promise<MedicalHistoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const versions = await this.versionsOfKnownPatient(manager, actor, patientId);
      await this.audit.record(manager, actor, {
        action: 'patient.medical_history_viewed',
        entityType: 'patient',
        entityId: patientId,
        changes: versions.length > 0 ? { medicalHistoryVersion: { to: versions[0].version } } : null,
      });
      return { current: versions.length > 0 ? toVersionDto(versions[0]) : null, versions: versions.map(toSummaryDto) };
    });
  }

  async getVersion(actor: Actor, patientId: string, version: number): Promise<MedicalHistoryVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = (await this.versionsOfKnownPatient(manager, actor, patientId)).find((v) => v.version === version);
      if (!found) throw new NotFoundError('Medical history version', String(version));
      await this.audit.record(manager, actor, {
        action: 'patient.medical_history_viewed',
        entityType: 'patient',
        entityId: patientId,
        changes: { medicalHistoryVersion: { to: version } },
      });
      return toVersionDto(found);
    });
  }

  /** The patient's versions, newest first, in the statement that checks the patient (404 otherwise). */
  private async versionsOfKnownPatient(manager: EntityManager, actor: Actor, patientId: string): Promise<RecordedHistory[]> {
    const versions = await historyOfKnownPatient(manager, actor.organizationId, patientId);
    if (!versions) throw new NotFoundError('Patient', patientId);
    return versions.map((v) => Object.assign(new MedicalHistoryVersion(), v));
  }

  /** Every version of the patient's history, newest first, with who recorded it. Not audited: callers audit. */
  async versions(manager: EntityManager, organizationId: string, patientId: string): Promise<RecordedHistory[]> {
    const { entities, raw } = await manager
      .createQueryBuilder(MedicalHistoryVersion, 'h')
      .leftJoin('staff_directory', 's', 's.id = h.recorded_by')
      .addSelect('s.name', 'recorded_by_name')
      .where('h.organization_id = :organizationId AND h.patient_id = :patientId', { organizationId, patientId })
      .orderBy('h.version', 'DESC')
      .getRawAndEntities<{ recorded_by_name: string }>();
    return entities.map((e, i) => Object.assign(e, { recordedByName: raw[i]?.recorded_by_name ?? '' }));
  }

  /** The newest version, or null when none is on file. */
  async latest(manager: EntityManager, organizationId: string, patientId: string): Promise<MedicalHistoryVersion | null> {
    return manager.findOne(MedicalHistoryVersion, { where: { organizationId, patientId }, order: { version: 'DESC' } });
  }
}

/** Exactly the questionnaire's fields in form order, allergies with their class set. */
function toStoredAnswers(input: MedicalHistoryAnswersDto): MedicalHistoryAnswers {
  const answers = Object.fromEntries(MEDICAL_HISTORY_FIELDS.map(({ field }) => [field, input[field]])) as unknown as MedicalHistoryAnswers;
  answers.allergies = normalizeAllergies(input.allergies);
  answers.medications = input.medications.map((m) => m.trim());
  return answers;
}

function toSummaryDto(v: RecordedHistory): MedicalHistoryVersionSummaryDto {
  return { version: v.version, recordedAt: v.recordedAt.toISOString(), recordedById: v.recordedBy, recordedByName: v.recordedByName, source: v.source };
}

export function toVersionDto(v: RecordedHistory): MedicalHistoryVersionDto {
  return { ...toSummaryDto(v), id: v.id, patientId: v.patientId, answers: v.answers };
}
