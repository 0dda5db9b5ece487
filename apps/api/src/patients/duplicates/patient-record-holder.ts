import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * Something a module holds about a patient that a merge cannot move without changing a signed or append-only record
 * (issue 16: signed records stay immutable). Named in the 409 that refuses the merge.
 */
export interface MergeBlocker {
  /** Stable, kebab-case: what kind of record it is ('signed-consent', 'signed-treatment-session', ...). */
  record: string;
  count: number;
  /** What blocks, in the clinic's words, and what staff can do about it. */
  message: string;
}

/**
 * One module's part of merging a self-registered patient record into an existing one. Each module that keeps rows
 * naming a patient declares `@HoldsPatientRecords() @Injectable() class X implements PatientRecordHolder` among its own
 * providers; the patients module finds them at run time (like `@TimelineSource()`), so it never writes another
 * module's SQL and no module has to import the patients module's merge.
 *
 * Both methods run in the merge's one transaction, after both patient rows are locked.
 */
export interface PatientRecordHolder {
  /** A short name for the audit trail ("scheduling"). */
  readonly holds: string;
  /** What of `patientId`'s this module cannot move into `keptPatientId` (empty: nothing blocks). */
  mergeBlockers(manager: EntityManager, organizationId: string, patientId: string, keptPatientId: string): Promise<MergeBlocker[]>;
  /**
   * Moves the module's rows from one patient to the other, or retires them where they cannot move (called only when
   * no holder reported a blocker); answers how many rows of each kind it moved, for the audit trail.
   */
  reassignPatient(
    manager: EntityManager,
    organizationId: string,
    move: { fromPatientId: string; toPatientId: string; toMrn: string; staffMemberId: string },
  ): Promise<Record<string, number>>;
}

export const HoldsPatientRecords = DiscoveryService.createDecorator<void>();
