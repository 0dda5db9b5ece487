import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HoldsPatientRecords, type MergeBlocker, type PatientRecordHolder } from './patient-record-holder';
import { countHistoryVersions } from './possible-duplicates.queries';

/**
 * The patients module's own part of a merge: medical-history versions are append-only (the trigger refuses any
 * update), and the latest one drives screening, so a merge that left them behind would hide what the patient reported
 * (an isotretinoin course, a pregnancy) from the record that is kept. Such a record is not merged.
 */
@HoldsPatientRecords()
@Injectable()
export class PatientHistoryRecordHolder implements PatientRecordHolder {
  readonly holds = 'patients';

  async mergeBlockers(manager: EntityManager, organizationId: string, patientId: string): Promise<MergeBlocker[]> {
    const count = await countHistoryVersions(manager, organizationId, patientId);
    return count === 0
      ? []
      : [{ record: 'medical-history', count, message: `it has ${count} medical-history version${count === 1 ? '' : 's'} (append-only)` }];
  }

  async reassignPatient(): Promise<Record<string, number>> {
    return {};
  }
}
