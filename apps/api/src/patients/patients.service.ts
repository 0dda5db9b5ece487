import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields, type AuditChanges, type AuditSource } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError } from '../common/problems/domain-error';
import { requestOrOwnTransaction } from '../database/request-transaction';
import { allocateMrns, lockPatientRegistration } from './mrn.queries';
import type { CreatePatientDto, DuplicateCandidateDto, PatientDto, UpdatePatientDto } from './patient.dto';
import { findDuplicateCandidates, type PatientIdentity } from './patient-duplicates.queries';
import { Patient } from './patient.entity';
import { findPatient, normalizeAllergies, toPatientDto } from './patient-records';
import { matchOnlinePatient } from './online-patients.queries';
import { patientPhoneCountry } from './patient-phone.queries';
import { withE164Phones } from './patient-phones';

/** Fields whose values go into the audit trail; notes only as "changed" (free text can be long and sensitive). */
const AUDITED_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'phone',
  'email',
  'address',
  'emergencyContact',
  'fitzpatrickType',
  'allergies',
  'tags',
] as const;

const IDENTITY_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone'] as const;

/** Registers patients and keeps their demographics; reads of a record are audited. */
@Injectable()
export class PatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, typed: CreatePatientDto): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const input = withE164Phones(typed, await patientPhoneCountry(manager, actor.organizationId, actor.staffMemberId));
      // Taking the number first queues concurrent registrations, so two requests for one person cannot both pass.
      const [mrn] = await allocateMrns(manager, actor.organizationId);
      const candidates = await this.checkDuplicates(manager, actor, input, input.confirmDuplicate);
      const patient = await manager.save(
        manager.create(Patient, {
          organizationId: actor.organizationId,
          mrn,
          externalId: input.externalId ?? null,
          firstName: input.firstName,
          lastName: input.lastName,
          preferredName: input.preferredName ?? null,
          dateOfBirth: input.dateOfBirth,
          sex: input.sex ?? 'unknown',
          phone: input.phone ?? null,
          email: input.email ?? null,
          address: input.address ?? null,
          emergencyContact: input.emergencyContact ?? null,
          fitzpatrickType: input.fitzpatrickType ?? null,
          allergies: normalizeAllergies(input.allergies ?? []),
          notes: input.notes ?? '',
          tags: input.tags ?? [],
          archivedAt: null,
          archivedBy: null,
          archiveReason: null,
        }),
      );
      const changes: AuditChanges = { mrn: { to: mrn }, ...createdFields(patient, AUDITED_FIELDS) };
      if (patient.notes) changes.notes = { to: '(recorded)' };
      if (candidates.length > 0) changes.confirmedDuplicateOf = { to: candidates.map((c) => c.mrn) };
      await this.audit.record(manager, actor, { action: 'patient.created', entityType: 'patient', entityId: patient.id, changes });
      return toPatientDto(patient);
    });
  }

  /**
   * Online booking (issue 16), once the person proved her e-mail: the existing record with her last name, date of
   * birth and e-mail or phone, else a new record flagged self-registered ("verify identity at check-in"), audited
   * with the public channel as the source. Runs in the caller's transaction; the phone is E.164 already.
   */
  async findOnlineMatch(manager: EntityManager, organizationId: string, person: { lastName: string; dateOfBirth: string; email: string; phone: string }): Promise<string | undefined> {
    return matchOnlinePatient(manager, organizationId, person);
  }

  async findOrRegisterOnline(
    manager: EntityManager,
    source: AuditSource,
    person: { firstName: string; lastName: string; dateOfBirth: string; email: string; phone: string },
  ): Promise<{ patientId: string; registered: boolean }> {
    const matched = await matchOnlinePatient(manager, source.organizationId, person);
    if (matched) return { patientId: matched, registered: false };
    const [mrn] = await allocateMrns(manager, source.organizationId);
    const patient = await manager.save(
      manager.create(Patient, {
        organizationId: source.organizationId,
        mrn,
        externalId: null,
        firstName: person.firstName.trim(),
        lastName: person.lastName.trim(),
        preferredName: null,
        dateOfBirth: person.dateOfBirth,
        sex: 'unknown',
        phone: person.phone,
        email: person.email.trim(),
        address: null,
        emergencyContact: null,
        fitzpatrickType: null,
        allergies: [],
        notes: '',
        tags: [],
        archivedAt: null,
        archivedBy: null,
        archiveReason: null,
        selfRegistered: true,
      }),
    );
    const changes: AuditChanges = { mrn: { to: mrn }, ...createdFields(patient, AUDITED_FIELDS), selfRegistered: { to: true } };
    await this.audit.record(manager, source, { action: 'patient.created', entityType: 'patient', entityId: patient.id, changes });
    return { patientId: patient.id, registered: true };
  }

  /** One read and the audit event, in the request's transaction (no savepoint of its own: nothing to undo). */
  async get(actor: Actor, id: string): Promise<PatientDto> {
    return requestOrOwnTransaction(this.dataSource, async (manager) => {
      const patient = await findPatient(manager, actor, id);
      await this.audit.record(manager, actor, { action: 'patient.viewed', entityType: 'patient', entityId: id });
      return toPatientDto(patient);
    });
  }

  async update(actor: Actor, id: string, typed: UpdatePatientDto): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, id, true);
      const input = withE164Phones(typed, await patientPhoneCountry(manager, actor.organizationId, actor.staffMemberId));
      const { confirmDuplicate, allergies, notes, ...fields } = input;
      const patch: Partial<Patient> = { ...fields };
      if (allergies !== undefined) patch.allergies = normalizeAllergies(allergies ?? []);
      if (notes !== undefined) patch.notes = notes;

      const changes = diffFields(patient, patch, AUDITED_FIELDS);
      if (notes !== undefined && notes !== patient.notes) changes.notes = { to: '(changed)' };
      if (Object.keys(changes).length === 0) return toPatientDto(patient);

      if (IDENTITY_FIELDS.some((field) => field in changes)) {
        await lockPatientRegistration(manager, actor.organizationId);
        const identity = { ...patient, ...patch } as PatientIdentity;
        const candidates = await this.checkDuplicates(manager, actor, identity, confirmDuplicate, id);
        if (candidates.length > 0) changes.confirmedDuplicateOf = { to: candidates.map((c) => c.mrn) };
      }
      await manager.update(Patient, { id }, patch);
      await this.audit.record(manager, actor, { action: 'patient.updated', entityType: 'patient', entityId: id, changes });
      return toPatientDto(await findPatient(manager, actor, id));
    });
  }

  /** Hides the patient from lists and bookings; the record stays whole. Archiving twice changes nothing. */
  async archive(actor: Actor, id: string, reason: string | null = null): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, id, true);
      if (patient.archivedAt) return toPatientDto(patient);
      await manager.update(Patient, { id }, { archivedAt: () => 'now()', archivedBy: actor.staffMemberId, archiveReason: reason });
      await this.audit.record(manager, actor, {
        action: 'patient.archived',
        entityType: 'patient',
        entityId: id,
        changes: { archived: { from: false, to: true }, ...(reason ? { reason: { to: reason } } : {}) },
      });
      return toPatientDto(await findPatient(manager, actor, id));
    });
  }

  async restore(actor: Actor, id: string): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, id, true);
      if (!patient.archivedAt) return toPatientDto(patient);
      await manager.update(Patient, { id }, { archivedAt: null, archivedBy: null, archiveReason: null });
      await this.audit.record(manager, actor, {
        action: 'patient.restored',
        entityType: 'patient',
        entityId: id,
        changes: { archived: { from: true, to: false } },
      });
      return toPatientDto(await findPatient(manager, actor, id));
    });
  }

  /** Likely duplicates answer 409 naming them, unless the request confirmed; returns the confirmed ones. */
  private async checkDuplicates(
    manager: EntityManager,
    actor: Actor,
    identity: PatientIdentity,
    confirmed: boolean | undefined,
    excludeId: string | null = null,
  ): Promise<DuplicateCandidateDto[]> {
    const candidates = await findDuplicateCandidates(manager, actor.organizationId, identity, excludeId);
    if (candidates.length > 0 && !confirmed) {
      const [first] = candidates;
      throw new ConflictError(
        'duplicate-patient',
        `This looks like ${first.name} (${first.mrn}, born ${first.dateOfBirth})${candidates.length > 1 ? ` and ${candidates.length - 1} more` : ''}. ` +
          'Open the existing record, or send confirmDuplicate: true to register a separate patient.',
        { candidates },
      );
    }
    return candidates;
  }
}
