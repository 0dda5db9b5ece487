import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changeFromBaselinePercent, findOutcomeScale, isImprovement, scoreProblem } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { findPatient } from '../patients/patient-records';
import { patientAssessmentRows, type AssessmentRow } from './assessments.queries';
import { OutcomeAssessment } from './outcome-assessment.entity';
import type { AssessmentDto, RecordAssessmentDto } from './assessments.dto';
import { courseOfAppointment, coursePatient } from './appointment-context.queries';
import { countPatientPhotos } from './session-photos.queries';
import { TreatmentSessionViews } from './treatment-session-views';

/**
 * Outcome assessments (domain.md section 8): a score on a named scale and version, by an assessor on a date, with
 * the change from the course baseline (the first score on that scale in the same course, or the patient's first
 * outside a course).
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: TreatmentSessionViews,
  ) {}

  async record(actor: Actor, patientId: string, input: RecordAssessmentDto): Promise<AssessmentDto> {
    const problem = scoreProblem(input.scale, input.score, input.method);
    if (problem) throw new InvalidFieldError(problem.code === 'method-required' ? 'method' : 'score', problem.message);
    const scale = findOutcomeScale(input.scale);
    if (!scale) throw new InvalidFieldError('scale', `Unknown outcome scale "${input.scale}"`);
    return this.dataSource.transaction(async (manager) => {
      await findPatient(manager, actor, patientId);
      let planId: string | null = null;
      if (input.planId) {
        const plan = await coursePatient(manager, actor.organizationId, input.planId);
        if (!plan) throw new InvalidFieldError('planId', 'no such treatment plan in your organization');
        if (plan.patient_id !== patientId) throw new InvalidFieldError('planId', "is another patient's course");
        planId = input.planId;
      }
      if (input.sessionId) {
        const session = await this.sessions.find(manager, actor, input.sessionId);
        if (session.patientId !== patientId) throw new InvalidFieldError('sessionId', "is another patient's session");
        // A session booked as part of a course measures that course unless told otherwise.
        if (!planId && session.appointmentId) {
          planId = (await courseOfAppointment(manager, actor.organizationId, session.appointmentId))?.treatment_plan_id ?? null;
        }
      }
      if (input.photoIds?.length) {
        const count = await countPatientPhotos(manager, actor.organizationId, patientId, input.photoIds);
        if (count !== new Set(input.photoIds).size) throw new InvalidFieldError('photoIds', "must be this patient's photos");
      }
      const { identifiers } = await manager.insert(OutcomeAssessment, {
        organizationId: actor.organizationId,
        patientId,
        scale: scale.code,
        scaleVersion: scale.version,
        score: input.score,
        method: input.method ?? null,
        assessedOn: input.assessedOn,
        sessionId: input.sessionId ?? null,
        planId,
        photoIds: [...new Set(input.photoIds ?? [])],
        notes: input.notes ?? '',
        assessorId: actor.staffMemberId,
      });
      const id = (identifiers[0] as { id: string }).id;
      await this.audit.record(manager, actor, {
        action: 'assessment.recorded',
        entityType: 'patient',
        entityId: patientId,
        changes: { assessmentId: { to: id }, scale: { to: scale.code }, score: { to: input.score }, assessedOn: { to: input.assessedOn } },
      });
      const recorded = toAssessmentDtos((await patientAssessmentRows(manager, actor.organizationId, patientId)) ?? []).find((a) => a.id === id);
      if (!recorded) throw new Error(`assessment ${id} vanished inside its own transaction`);
      return recorded;
    });
  }

  /** Audited in the same transaction: outcome scores are part of the clinical record. */
  async listForPatient(actor: Actor, patientId: string): Promise<AssessmentDto[]> {
    return this.dataSource.transaction(async (manager) => {
      // The patient check rides on the list's statement (issue 15).
      const rows = await patientAssessmentRows(manager, actor.organizationId, patientId);
      if (!rows) throw new NotFoundError('Patient', patientId);
      const assessments = toAssessmentDtos(rows);
      await this.audit.recordPatientRead(manager, actor, patientId, 'assessments.listed', { count: { to: assessments.length } });
      return assessments;
    });
  }

}

/** Scores with their change from the first score of the same scale and course (the baseline). */
function toAssessmentDtos(rows: AssessmentRow[]): AssessmentDto[] {
  const baselines = new Map<string, number>();
  return rows.map((a) => {
    const scale = findOutcomeScale(a.scale);
    const course = `${a.scale}|${a.planId ?? ''}`;
    const baseline = baselines.get(course);
    if (baseline === undefined) baselines.set(course, a.score);
    return {
      id: a.id,
      scale: a.scale,
      scaleLabel: scale?.label ?? a.scale,
      scaleVersion: a.scaleVersion,
      score: a.score,
      scaleMin: scale?.min ?? 0,
      scaleMax: scale?.max ?? 0,
      lowerIsBetter: scale?.lowerIsBetter ?? true,
      method: a.method,
      assessedOn: a.assessedOn,
      sessionId: a.sessionId,
      planId: a.planId,
      photoIds: a.photoIds,
      notes: a.notes,
      assessorName: a.assessorName,
      baselineScore: baseline ?? null,
      changeFromBaselinePercent: baseline === undefined ? null : changeFromBaselinePercent(baseline, a.score),
      improved: baseline === undefined || !scale ? null : a.score === baseline ? false : isImprovement(scale, baseline, a.score),
    };
  });
}
