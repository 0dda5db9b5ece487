import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HoldsPatientRecords, type MergeBlocker, type PatientRecordHolder } from '../patients/duplicates/patient-record-holder';
import { countSignedConsents, voidPendingConsents } from './consent-merge.queries';

/**
 * Consents' part of merging an online record into an existing one (issue 16). A consent's snapshot names the patient
 * and a signature is bound to the exact record (domain.md section 6), so no consent record ever changes patient:
 *  - a signed one (kiosk or remote) blocks the merge;
 *  - one prepared and not signed is voided, with the reason, to be prepared again on the kept record at check-in.
 */
@HoldsPatientRecords()
@Injectable()
export class ConsentRecordHolder implements PatientRecordHolder {
  readonly holds = 'consents';

  async mergeBlockers(manager: EntityManager, organizationId: string, patientId: string): Promise<MergeBlocker[]> {
    const count = await countSignedConsents(manager, organizationId, patientId);
    return count === 0 ? [] : [{ record: 'signed-consent', count, message: `it has ${count} signed consent${count === 1 ? '' : 's'}` }];
  }

  async reassignPatient(
    manager: EntityManager,
    organizationId: string,
    move: { fromPatientId: string; toMrn: string; staffMemberId: string },
  ): Promise<Record<string, number>> {
    const voided = await voidPendingConsents(
      manager,
      organizationId,
      move.fromPatientId,
      move.staffMemberId,
      `The patient's online record was merged into ${move.toMrn}: prepare the consent again on that record`,
    );
    return { 'consents voided': voided };
  }
}
