import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/access/actor';
import { ConflictError, NotFoundError } from '../../common/problems/domain-error';
import { requestOrOwnTransaction } from '../../database/request-transaction';
import { findPatient, toPatientDto } from '../patient-records';
import type { DismissedDuplicateDto, MergedPatientDto, PossibleDuplicateDto, PossibleDuplicateSideDto } from './possible-duplicates.dto';
import { HoldsPatientRecords, type MergeBlocker, type PatientRecordHolder } from './patient-record-holder';
import {
  lockPatientsInOrder,
  lockPossibleDuplicate,
  markMerged,
  openPossibleDuplicates,
  resolvePairsOfMergedRecord,
  resolvePossibleDuplicate,
  type PairRow,
  type PossibleDuplicateRow,
} from './possible-duplicates.queries';

/**
 * Possible duplicates found when an online booking created a patient record (issue 16): listed for staff, who either
 * dismiss a pair ("not the same person") or merge the online record into the existing one.
 *
 * A merge runs in one transaction: both records locked, every module holding patient rows asked what it cannot move
 * (signed or append-only records: domain.md section 6 keeps a signed consent bound to "the exact record", and a signed
 * session never changes), refused with a 409 naming each blocker if any, else each module moves its own rows; the
 * online record is archived and points at the existing one (never deleted), and both records' trails say so.
 */
@Injectable()
export class PossibleDuplicatesService {
  private holders?: PatientRecordHolder[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<PossibleDuplicateDto[]> {
    return requestOrOwnTransaction(this.dataSource, async (manager) => {
      const rows = await openPossibleDuplicates(manager, actor.organizationId);
      await this.audit.record(manager, actor, {
        action: 'patients.duplicates_listed',
        entityType: 'patient_search',
        // Which patients were shown, like a search: each one's access log lists the read.
        changes: { resultCount: { to: rows.length }, patientIds: { to: [...new Set(rows.flatMap((r) => [r.patient.id, r.existing.id]))] } },
      });
      return rows.map(toPossibleDuplicateDto);
    });
  }

  async dismiss(actor: Actor, id: string): Promise<DismissedDuplicateDto> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.openPair(manager, actor, id, 'dismissed');
      if (pair.resolution === 'dismissed') return { id, resolution: 'dismissed' };
      await resolvePossibleDuplicate(manager, actor.organizationId, id, 'dismissed', actor.staffMemberId);
      const existing = await findPatient(manager, actor, pair.existing_patient_id);
      await this.audit.record(manager, actor, {
        action: 'patient.duplicate_dismissed',
        entityType: 'patient',
        entityId: pair.patient_id,
        changes: { existingPatientId: { to: existing.id }, existingMrn: { to: existing.mrn } },
      });
      return { id, resolution: 'dismissed' };
    });
  }

  async merge(actor: Actor, id: string): Promise<MergedPatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.openPair(manager, actor, id, 'merged');
      await lockPatientsInOrder(manager, actor.organizationId, [pair.patient_id, pair.existing_patient_id]);
      const online = await findPatient(manager, actor, pair.patient_id);
      const existing = await findPatient(manager, actor, pair.existing_patient_id);
      if (online.mergedIntoPatientId || existing.mergedIntoPatientId) {
        throw new ConflictError('patient-merged', 'One of these records was merged into another already: refresh the list');
      }
      if (!online.selfRegistered) {
        // Only a record the patient created online is merged away; a staff-registered record is never folded in here.
        throw new ConflictError('identity-not-self-registered', 'Only a record created through online booking can be merged into an existing one');
      }

      const holders = this.recordHolders();
      const blockers: MergeBlocker[] = [];
      for (const holder of holders) blockers.push(...(await holder.mergeBlockers(manager, actor.organizationId, online.id, existing.id)));
      if (blockers.length > 0) {
        throw new ConflictError(
          'merge-blocked',
          `The online record cannot be merged: ${blockers.map((b) => b.message).join('; ')}. Signed records never change, so keep both records (or archive the online one after copying what matters).`,
          { blockers },
        );
      }

      const move = { fromPatientId: online.id, toPatientId: existing.id, toMrn: existing.mrn, staffMemberId: actor.staffMemberId };
      const moved: Record<string, number> = {};
      for (const holder of holders) {
        for (const [kind, count] of Object.entries(await holder.reassignPatient(manager, actor.organizationId, move))) {
          if (count > 0) moved[kind] = (moved[kind] ?? 0) + count;
        }
      }
      await markMerged(manager, actor.organizationId, online.id, existing.id, existing.mrn, actor.staffMemberId);
      await resolvePossibleDuplicate(manager, actor.organizationId, id, 'merged', actor.staffMemberId);
      await resolvePairsOfMergedRecord(manager, actor.organizationId, online.id, actor.staffMemberId);

      const changes = { mergedPatientId: { to: online.id }, mergedMrn: { to: online.mrn }, keptPatientId: { to: existing.id }, keptMrn: { to: existing.mrn }, moved: { to: moved } };
      await this.audit.recordMany(manager, actor, [
        { action: 'patient.merged', entityType: 'patient', entityId: existing.id, changes },
        { action: 'patient.merged', entityType: 'patient', entityId: online.id, changes },
      ]);
      return { patient: toPatientDto(await findPatient(manager, actor, existing.id)), mergedPatientId: online.id, moved };
    });
  }

  /** The pair, locked; 404 for another clinic's; 409 when it was resolved the other way (or merged already). */
  private async openPair(manager: Parameters<typeof lockPossibleDuplicate>[0], actor: Actor, id: string, wanted: 'dismissed' | 'merged'): Promise<PairRow> {
    const pair = await lockPossibleDuplicate(manager, actor.organizationId, id);
    if (!pair) throw new NotFoundError('Possible duplicate', id);
    if (pair.resolution === 'merged' || (pair.resolution === 'dismissed' && wanted === 'merged')) {
      throw new ConflictError('duplicate-resolved', pair.resolution === 'merged' ? 'These records were merged already' : 'This pair was marked as two different people');
    }
    return pair;
  }

  private recordHolders(): PatientRecordHolder[] {
    this.holders ??= this.discovery
      .getProviders({ metadataKey: HoldsPatientRecords.KEY })
      .map((wrapper) => wrapper.instance as PatientRecordHolder)
      .filter((instance) => typeof instance?.reassignPatient === 'function' && typeof instance.mergeBlockers === 'function')
      .sort((a, b) => a.holds.localeCompare(b.holds));
    return this.holders;
  }
}

function side(r: PossibleDuplicateRow['patient']): PossibleDuplicateSideDto {
  return {
    id: r.id,
    mrn: r.mrn,
    name: `${r.first_name} ${r.last_name}`,
    dateOfBirth: r.date_of_birth,
    email: r.email,
    phone: r.phone,
    archived: r.archived,
    selfRegistered: r.self_registered,
    identityVerified: r.identity_verified,
    createdAt: r.created_at.toISOString(),
  };
}

function toPossibleDuplicateDto(r: PossibleDuplicateRow): PossibleDuplicateDto {
  return { id: r.id, patient: side(r.patient), existing: side(r.existing), matchedOn: r.matched_on, foundAt: r.found_at.toISOString() };
}
