import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HoldsPatientRecords, type MergeBlocker, type PatientRecordHolder } from '../patients/duplicates/patient-record-holder';
import { countTreatmentRecords } from './patient-merge.queries';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Treatments' part of merging an online record into an existing one (issue 16). Nothing moves:
 *  - a signed session never changes (treatment_sessions_signed_immutable), and photos, adverse events and outcome
 *    assessments are append-only;
 *  - a session still being charted is not moved either: leaving it behind would hide a medical session from the
 *    interval rule of the kept record (domain.md section 3), so it blocks until it is signed, and then blocks as signed.
 * A merge is meant for the record a patient created when booking, before any treatment; one that has treatment
 * records stays a record of its own (409 naming them).
 */
@HoldsPatientRecords()
@Injectable()
export class TreatmentRecordHolder implements PatientRecordHolder {
  readonly holds = 'treatments';

  async mergeBlockers(manager: EntityManager, organizationId: string, patientId: string): Promise<MergeBlocker[]> {
    const c = await countTreatmentRecords(manager, organizationId, patientId);
    const blockers: MergeBlocker[] = [];
    if (c.signed_sessions > 0) blockers.push({ record: 'signed-treatment-session', count: c.signed_sessions, message: `it has ${plural(c.signed_sessions, 'signed treatment session')}` });
    if (c.open_sessions > 0) blockers.push({ record: 'treatment-session', count: c.open_sessions, message: `it has ${plural(c.open_sessions, 'treatment session')} being charted` });
    if (c.photos > 0) blockers.push({ record: 'treatment-photo', count: c.photos, message: `it has ${plural(c.photos, 'treatment photo')}` });
    if (c.adverse_events > 0) blockers.push({ record: 'adverse-event', count: c.adverse_events, message: `it has ${plural(c.adverse_events, 'adverse event')}` });
    if (c.assessments > 0) blockers.push({ record: 'outcome-assessment', count: c.assessments, message: `it has ${plural(c.assessments, 'outcome assessment')}` });
    return blockers;
  }

  /** Called only when mergeBlockers found nothing: there is nothing to move. */
  async reassignPatient(): Promise<Record<string, number>> {
    return {};
  }
}
