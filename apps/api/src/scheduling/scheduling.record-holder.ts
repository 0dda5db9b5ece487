import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HoldsPatientRecords, type MergeBlocker, type PatientRecordHolder } from '../patients/duplicates/patient-record-holder';
import { countClashingWaitlistEntries, reassignSchedulingRows } from './patient-merge.queries';

/**
 * Scheduling's part of merging an online record into an existing one (issue 16): appointments (the online booking
 * itself), treatment courses and waitlist entries are bookings, not signed records, so they move. An appointment keeps
 * its id, so its reminders and manage link stay attached to it.
 */
@HoldsPatientRecords()
@Injectable()
export class SchedulingRecordHolder implements PatientRecordHolder {
  readonly holds = 'scheduling';

  /** Nothing here is signed; only two open waitlist entries that would become one person's twice (one-open rule). */
  async mergeBlockers(manager: EntityManager, organizationId: string, patientId: string, keptPatientId: string): Promise<MergeBlocker[]> {
    const count = await countClashingWaitlistEntries(manager, organizationId, patientId, keptPatientId);
    return count === 0
      ? []
      : [{ record: 'waitlist-entry-overlap', count, message: `its waitlist entry overlaps the existing record's for the same service and place: remove one of them first` }];
  }

  async reassignPatient(manager: EntityManager, organizationId: string, move: { fromPatientId: string; toPatientId: string }): Promise<Record<string, number>> {
    return reassignSchedulingRows(manager, organizationId, move.fromPatientId, move.toPatientId);
  }
}
